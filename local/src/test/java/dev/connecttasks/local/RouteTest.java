package dev.connecttasks.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Map;
import org.junit.jupiter.api.Test;

class RouteTest {
    private final Route describe = new Route("get", "/contacts/{InstanceId}/{ContactId}", "DescribeContactFunction");

    @Test
    void labelsMatchOneWholeSegmentEach() {
        assertEquals("GET /contacts/{InstanceId}/{ContactId}", describe.routeKey());
        assertEquals(Map.of("InstanceId", "i-1", "ContactId", "c%2F1"), describe.match("/contacts/i-1/c%2F1"));
        assertNull(describe.match("/contacts/i-1"));
        assertNull(describe.match("/contacts/i-1/c-1/extra"));
        assertNull(describe.match("/contacts//c-1"));
        assertNull(describe.match("/contact/i-1/c-1"));
    }

    @Test
    void literalPathsMatchExactly() {
        Route start = new Route("PUT", "/contact/task", "StartTaskContactFunction");
        assertEquals(Map.of(), start.match("/contact/task"));
        assertNull(start.match("/contact/task/"));
        assertNull(start.match("/contact/taskx"));
    }
}
