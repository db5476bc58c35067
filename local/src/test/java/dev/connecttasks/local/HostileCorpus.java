package dev.connecttasks.local;

import dev.connecttasks.offline.DemoInstance;
import dev.connecttasks.testing.Flows;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Malformed and hostile requests for every route of the API, generated: broken JSON, wrong types,
 * deep nesting, oversized strings and bodies, invalid UTF-8, control characters, odd ids in paths,
 * unknown enums, impossible timestamps, duplicate keys, wrong content types, unknown routes. Every one
 * must be refused with a 4xx; none may write anything.
 */
final class HostileCorpus {
    static final String INSTANCE = DemoInstance.INSTANCE_ID;
    static final String FLOW = DemoInstance.FLOW_ID;

    /**
     * One request. {@code invalidUri}: its request-target is not a valid URI (a malformed percent
     * escape), which the HTTP server refuses with its own 400 before any routing, as API Gateway does;
     * no AWS SDK sends one.
     */
    record Case(String name, String method, String path, String contentType, byte[] body, boolean invalidUri) {
    }

    private final List<Case> cases = new ArrayList<>();
    private final String contactId;
    private final String immediateContactId;
    private final String queuesToken;

    private HostileCorpus(String contactId, String immediateContactId, String queuesToken) {
        this.contactId = contactId;
        this.immediateContactId = immediateContactId;
        this.queuesToken = queuesToken;
    }

    /**
     * {@code contactId} is a scheduled contact and {@code immediateContactId} one started now, both real;
     * {@code queuesToken} a real NextToken of the demo instance's queues (one at a time).
     */
    static List<Case> generate(String contactId, String immediateContactId, String queuesToken) {
        HostileCorpus corpus = new HostileCorpus(contactId, immediateContactId, queuesToken);
        corpus.brokenBodies();
        corpus.startTaskContact();
        corpus.updateContact();
        corpus.updateContactSchedule();
        corpus.tagging();
        corpus.stopping();
        corpus.transferring();
        corpus.attributes();
        corpus.oddPaths();
        corpus.listContactReferences();
        corpus.createInstance();
        corpus.createContactFlow();
        corpus.searchContacts();
        corpus.createQueue();
        corpus.listings();
        corpus.unknownRoutes();
        corpus.taskTemplates();
        return corpus.cases;
    }

    private void add(String name, String method, String path, String contentType, byte[] body) {
        cases.add(new Case(name, method, path, contentType, body, path.matches(".*%([^0-9A-Fa-f].|.[^0-9A-Fa-f]|.?$).*")));
    }

    private void json(String name, String method, String path, String body) {
        add(name, method, path, "application/json", body.getBytes(StandardCharsets.UTF_8));
    }

    private String start(String members) {
        return "{\"InstanceId\":\"" + INSTANCE + "\",\"ContactFlowId\":\"" + FLOW + "\",\"Name\":\"n\"" + members + "}";
    }

    private static String seconds(Instant instant) {
        return Long.toString(instant.getEpochSecond());
    }

    private void brokenBodies() {
        List<String> routes = List.of("PUT /contact/task", "POST /contacts/" + INSTANCE + "/" + contactId,
                "POST /contact/schedule", "POST /contact/tags", "POST /contact/stop", "POST /contact/transfer",
                "POST /contact/attributes", "PUT /instance",
                "PUT /contact-flows/" + INSTANCE, "PUT /queues/" + INSTANCE, "PUT /instance/" + INSTANCE + "/task/template",
                "POST /instance/" + INSTANCE + "/task/template/no-such-template");
        List<String> bodies = List.of("{", "}", "[", "[]", "null", "true", "42", "\"text\"", "{\"Name\":}",
                "{'Name':'n'}", "{\"Name\":\"n\",}", "{\"Name\":\"n\"} trailing", "{\"Name\":NaN}",
                "{\"Name\":Infinity}", "{\"Name\":\"raw\u0001control\"}", "{\"Name\":\"n\",\"Name\":\"m\"}",
                "[".repeat(5000) + "]".repeat(5000), "{\"a\":".repeat(3000) + "1" + "}".repeat(3000),
                "{\"Name\":\"\\u12\"}", "{\"Name\":\"unterminated}");
        for (String route : routes) {
            String[] methodAndPath = route.split(" ", 2);
            for (int i = 0; i < bodies.size(); i++) {
                json("broken body " + i + " to " + route, methodAndPath[0], methodAndPath[1], bodies.get(i));
            }
            for (byte[] invalid : new byte[][] {
                    {'{', '"', 'N', 'a', 'm', 'e', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'},
                    {'{', '"', 'N', 'a', 'm', 'e', '"', ':', '"', (byte) 0xFF, (byte) 0xFE, '"', '}'},
                    {'{', '"', 'N', 'a', 'm', 'e', '"', ':', '"', (byte) 0xC0, (byte) 0xAF, '"', '}'},
                    {'{', '"', 'N', 'a', 'm', 'e', '"', ':', '"', (byte) 0xED, (byte) 0xA0, (byte) 0x80, '"', '}'}}) {
                add("invalid UTF-8 to " + route, methodAndPath[0], methodAndPath[1], "application/json", invalid);
            }
            for (String contentType : List.of("text/plain", "application/xml", "multipart/form-data; boundary=x",
                    "application/x-www-form-urlencoded", "image/png")) {
                add(contentType + " to " + route, methodAndPath[0], methodAndPath[1], contentType,
                        start("").getBytes(StandardCharsets.UTF_8));
            }
        }
    }

    private void startTaskContact() {
        String path = "/contact/task";
        for (String member : List.of("InstanceId", "ContactFlowId", "Name", "Description", "PreviousContactId",
                "RelatedContactId", "ClientToken")) {
            for (String wrong : List.of("42", "true", "[]", "{}")) {
                json(member + " = " + wrong, "PUT", path, start(",\"" + member + "\":" + wrong).replace(
                        "\"" + member + "\":\"" + (member.equals("InstanceId") ? INSTANCE : member.equals("ContactFlowId")
                                ? FLOW : "n") + "\",", ""));
            }
        }
        for (String member : List.of("Attributes", "References")) {
            for (String wrong : List.of("42", "\"x\"", "[]", "{\"k\":42}", "{\"k\":[]}")) {
                json(member + " = " + wrong, "PUT", path, start(",\"" + member + "\":" + wrong));
            }
        }
        json("no InstanceId", "PUT", path, "{\"ContactFlowId\":\"" + FLOW + "\",\"Name\":\"n\"}");
        json("no ContactFlowId", "PUT", path, "{\"InstanceId\":\"" + INSTANCE + "\",\"Name\":\"n\"}");
        json("no Name", "PUT", path, "{\"InstanceId\":\"" + INSTANCE + "\",\"ContactFlowId\":\"" + FLOW + "\"}");
        json("Name 1025", "PUT", path, "{\"InstanceId\":\"" + INSTANCE + "\",\"ContactFlowId\":\"" + FLOW
                + "\",\"Name\":\"" + "n".repeat(1025) + "\"}");
        json("Description 4097", "PUT", path, start(",\"Description\":\"" + "d".repeat(4097) + "\""));
        json("InstanceId 101", "PUT", path, "{\"InstanceId\":\"" + "i".repeat(101) + "\",\"ContactFlowId\":\"f\",\"Name\":\"n\"}");
        json("ContactFlowId 501", "PUT", path, "{\"InstanceId\":\"" + INSTANCE + "\",\"ContactFlowId\":\"" + "f".repeat(501)
                + "\",\"Name\":\"n\"}");
        json("ClientToken 501", "PUT", path, start(",\"ClientToken\":\"" + "t".repeat(501) + "\""));
        json("empty ClientToken", "PUT", path, start(",\"ClientToken\":\"\""));
        json("PreviousContactId 257", "PUT", path, start(",\"PreviousContactId\":\"" + "p".repeat(257) + "\""));
        for (String key : List.of("has space", "dot.ted", "\u00fcml", "", "semi;colon", "new\\nline")) {
            json("attribute key '" + key + "'", "PUT", path, start(",\"Attributes\":{\"" + key + "\":\"v\"}"));
        }
        json("attribute value 32768", "PUT", path, start(",\"Attributes\":{\"k\":\"" + "v".repeat(32_768) + "\"}"));
        json("attributes over the cap", "PUT", path, start(",\"Attributes\":{\"a\":\"" + "v".repeat(20_000)
                + "\",\"b\":\"" + "v".repeat(20_000) + "\"}"));
        json("reference key empty", "PUT", path, start(",\"References\":{\"\":{\"Type\":\"STRING\",\"Value\":\"v\"}}"));
        json("reference value 4097", "PUT", path, start(",\"References\":{\"k\":{\"Type\":\"STRING\",\"Value\":\""
                + "v".repeat(4097) + "\"}}"));
        json("references over the cap", "PUT", path, start(",\"References\":{\"a\":{\"Type\":\"STRING\",\"Value\":\""
                + "v".repeat(2100) + "\"},\"b\":{\"Type\":\"STRING\",\"Value\":\"" + "v".repeat(2100) + "\"}}"));
        for (String type : List.of("ATTACHMENT", "EMAIL_MESSAGE", "CONTACT_ANALYSIS", "LINK", "url", "")) {
            json("reference type " + type, "PUT", path, start(",\"References\":{\"k\":{\"Type\":\"" + type + "\",\"Value\":\"https://x.io\"}}"));
        }
        for (String typeAndValue : List.of("URL|ftp://x.io", "URL|javascript:alert(1)", "URL|", "URL|not a url",
                "URL|//x.io", "NUMBER|abc", "NUMBER|1,5", "DATE|yesterday", "DATE|-1", "EMAIL|x", "EMAIL|a@b")) {
            String[] parts = typeAndValue.split("\\|", -1);
            json("reference " + typeAndValue, "PUT", path, start(",\"References\":{\"k\":{\"Type\":\"" + parts[0]
                    + "\",\"Value\":\"" + parts[1] + "\"}}"));
        }
        json("reference without Value", "PUT", path, start(",\"References\":{\"k\":{\"Type\":\"URL\"}}"));
        json("reference without Type", "PUT", path, start(",\"References\":{\"k\":{\"Value\":\"https://x.io\"}}"));
        Instant now = Instant.now();
        for (String time : List.of("-1", "0", "1", "1.5", "-1e400", "1e20", "1e400", "99999999999999999999",
                seconds(now.minusSeconds(3600)) + ".25", seconds(now.plus(Duration.ofDays(7))),
                seconds(now.plus(Duration.ofDays(6)).plusSeconds(120)), "\"" + seconds(now.plusSeconds(600)) + "\"",
                "\"tomorrow\"", "true", "[" + seconds(now.plusSeconds(600)) + "]", "{}")) {
            json("ScheduledTime " + time, "PUT", path, start(",\"ScheduledTime\":" + time));
        }
        for (String member : List.of("TaskTemplateId", "QuickConnectId", "SegmentAttributes", "Attachments")) {
            json("unsupported " + member, "PUT", path, start(",\"" + member + "\":\"x\""));
        }
        json("unknown instance", "PUT", path, "{\"InstanceId\":\"no-such-instance\",\"ContactFlowId\":\"" + FLOW + "\",\"Name\":\"n\"}");
        json("unknown flow", "PUT", path, "{\"InstanceId\":\"" + INSTANCE + "\",\"ContactFlowId\":\"no-such-flow\",\"Name\":\"n\"}");
        json("unknown previous contact", "PUT", path, start(",\"PreviousContactId\":\"no-such-contact\""));
        json("unknown related contact", "PUT", path, start(",\"RelatedContactId\":\"no-such-contact\""));
        // a JSON escape can spell half of a surrogate pair, which no UTF-8 check of the raw body sees
        for (String member : List.of("Name", "Description", "ClientToken")) {
            for (String lone : List.of("\\ud800", "\\udc00", "a\\ud800b", "\\udc00\\ud800")) {
                json(member + " with lone surrogate " + lone, "PUT", path, start(",\"" + member + "\":\"" + lone + "\"")
                        .replace("\"Name\":\"n\",", member.equals("Name") ? "" : "\"Name\":\"n\","));
            }
        }
        json("attribute key with lone surrogate", "PUT", path, start(",\"Attributes\":{\"\\ud800\":\"v\"}"));
        json("attribute value with lone surrogate", "PUT", path, start(",\"Attributes\":{\"k\":\"\\udfff\"}"));
        json("reference value with lone surrogate", "PUT", path,
                start(",\"References\":{\"r\":{\"Type\":\"STRING\",\"Value\":\"\\ud800\"}}"));
        String big = "{\"Name\":\"" + "x".repeat(300_000) + "\"}";
        json("body over 256 KiB", "PUT", path, big);
        add("body over 10 MiB", "PUT", path, "application/json", new byte[10 * 1024 * 1024 + 1]);
    }

    private void updateContact() {
        String path = "/contacts/" + INSTANCE + "/" + contactId;
        for (String body : List.of("{}", "{\"References\":{}}", "{\"Name\":42}", "{\"Description\":[]}",
                "{\"References\":\"x\"}", "{\"References\":{\"a\":\"b\"}}", "{\"References\":{\"a\":{\"Type\":\"URL\"}}}",
                "{\"Name\":\"" + "n".repeat(1025) + "\"}", "{\"Description\":\"" + "d".repeat(4097) + "\"}",
                "{\"References\":{\"a\":{\"Type\":\"ATTACHMENT\",\"Value\":\"s3://b/k\"}}}",
                "{\"References\":{\"a\":{\"Type\":\"URL\",\"Value\":\"nope\"}}}",
                "{\"References\":{\"a\":{\"Type\":\"STRING\",\"Value\":\"" + "v".repeat(4096) + "\"}}}",
                "{\"Name\":null,\"Description\":null}", "{\"Name\":\"\\ud800\"}", "{\"Description\":\"x\\udc00\"}")) {
            json("update " + body.substring(0, Math.min(40, body.length())), "POST", path, body);
        }
        json("update unknown contact", "POST", "/contacts/" + INSTANCE + "/no-such-contact", "{\"Name\":\"n\"}");
        json("update ContactId 257", "POST", "/contacts/" + INSTANCE + "/" + "c".repeat(257), "{\"Name\":\"n\"}");
        json("update other instance", "POST", "/contacts/other-instance/" + contactId, "{\"Name\":\"n\"}");
    }

    private void updateContactSchedule() {
        String path = "/contact/schedule";
        Instant now = Instant.now();
        String in = seconds(now.plusSeconds(3600));
        for (String body : List.of(
                "{\"ContactId\":\"" + contactId + "\",\"ScheduledTime\":" + in + "}",
                "{\"InstanceId\":\"" + INSTANCE + "\",\"ScheduledTime\":" + in + "}",
                "{\"InstanceId\":\"" + INSTANCE + "\",\"ContactId\":\"" + contactId + "\"}",
                "{\"InstanceId\":42,\"ContactId\":\"" + contactId + "\",\"ScheduledTime\":" + in + "}",
                "{\"InstanceId\":\"" + INSTANCE + "\",\"ContactId\":{},\"ScheduledTime\":" + in + "}",
                "{\"InstanceId\":\"" + INSTANCE + "\",\"ContactId\":\"" + contactId + "\",\"ScheduledTime\":\"" + in + "\"}",
                "{\"InstanceId\":\"" + INSTANCE + "\",\"ContactId\":\"" + contactId + "\",\"ScheduledTime\":-5}",
                "{\"InstanceId\":\"" + INSTANCE + "\",\"ContactId\":\"" + contactId + "\",\"ScheduledTime\":1e300}",
                "{\"InstanceId\":\"" + INSTANCE + "\",\"ContactId\":\"" + contactId + "\",\"ScheduledTime\":"
                        + seconds(now.minusSeconds(10)) + ".999}",
                "{\"InstanceId\":\"" + INSTANCE + "\",\"ContactId\":\"" + contactId + "\",\"ScheduledTime\":"
                        + seconds(now.plus(Duration.ofDays(8))) + "}",
                "{\"InstanceId\":\"" + INSTANCE + "\",\"ContactId\":\"" + immediateContactId + "\",\"ScheduledTime\":" + in + "}",
                "{\"InstanceId\":\"" + INSTANCE + "\",\"ContactId\":\"no-such-contact\",\"ScheduledTime\":" + in + "}",
                "{\"InstanceId\":\"other-instance\",\"ContactId\":\"" + contactId + "\",\"ScheduledTime\":" + in + "}",
                "{\"InstanceId\":\"" + INSTANCE + "\",\"ContactId\":\"" + "c".repeat(257) + "\",\"ScheduledTime\":" + in + "}")) {
            json("reschedule " + cases.size(), "POST", path, body);
        }
    }

    private void oddPaths() {
        List<String> ids = List.of("c".repeat(257), "%00", "%2e%2e", "..%2F..", "a%20b", "%F0%9F%98%80", "%zz", "%",
                "a+b", "%3Cscript%3E", "%27%3B%20DROP%20TABLE", "%ff%fe", "CON", "%0d%0aX-Injected:%201", "no-such-contact");
        for (String id : ids) {
            add("describe contact " + id, "GET", "/contacts/" + INSTANCE + "/" + id, null, new byte[0]);
            add("describe contact in instance " + id, "GET", "/contacts/" + id + "/" + contactId, null, new byte[0]);
            add("references of " + id, "GET", "/contact/references/" + INSTANCE + "/" + id + "?referenceTypes=URL", null,
                    new byte[0]);
            add("describe instance " + id, "GET", "/instance/" + id, null, new byte[0]);
            add("describe flow " + id, "GET", "/contact-flows/" + INSTANCE + "/" + id, null, new byte[0]);
            add("describe queue " + id, "GET", "/queues/" + INSTANCE + "/" + id, null, new byte[0]);
            add("describe queue in instance " + id, "GET", "/queues/" + id + "/support", null, new byte[0]);
            add("queues of instance " + id, "GET", "/queues-summary/" + id, null, new byte[0]);
            add("flows of instance " + id, "GET", "/contact-flows-summary/" + id, null, new byte[0]);
        }
        add("describe queue 501", "GET", "/queues/" + INSTANCE + "/" + "q".repeat(501), null, new byte[0]);
        add("describe instance 101", "GET", "/instance/" + "i".repeat(101), null, new byte[0]);
    }

    private void listContactReferences() {
        String path = "/contact/references/" + INSTANCE + "/" + contactId;
        for (String query : List.of("", "?referenceTypes=", "?referenceTypes=LINK", "?referenceTypes=url",
                "?referenceTypes=URL&referenceTypes=LINK", "?referenceTypes=%00", "?nextToken=x",
                "?referenceTypes=URL&referenceTypes=ATTACHMENT&referenceTypes=NUMBER&referenceTypes=STRING"
                        + "&referenceTypes=DATE&referenceTypes=EMAIL&referenceTypes=EMAIL_MESSAGE",
                "?referenceTypes=" + "A".repeat(5000))) {
            add("list " + query, "GET", path + query, null, new byte[0]);
        }
    }

    private void createInstance() {
        String path = "/instance";
        for (String body : List.of(
                "{\"InboundCallsEnabled\":true,\"OutboundCallsEnabled\":true,\"InstanceAlias\":\"a\"}",
                "{\"IdentityManagementType\":\"SAML\",\"OutboundCallsEnabled\":true,\"InstanceAlias\":\"a\"}",
                "{\"IdentityManagementType\":\"SAML\",\"InboundCallsEnabled\":true,\"InstanceAlias\":\"a\"}",
                "{\"IdentityManagementType\":\"LDAP\",\"InboundCallsEnabled\":true,\"OutboundCallsEnabled\":true}",
                "{\"IdentityManagementType\":\"SAML\",\"InboundCallsEnabled\":\"true\",\"OutboundCallsEnabled\":true,\"InstanceAlias\":\"a\"}",
                "{\"IdentityManagementType\":\"SAML\",\"InboundCallsEnabled\":1,\"OutboundCallsEnabled\":true,\"InstanceAlias\":\"a\"}",
                "{\"IdentityManagementType\":\"SAML\",\"InboundCallsEnabled\":true,\"OutboundCallsEnabled\":true}",
                "{\"IdentityManagementType\":\"EXISTING_DIRECTORY\",\"InboundCallsEnabled\":true,\"OutboundCallsEnabled\":true}",
                "{\"IdentityManagementType\":\"SAML\",\"InboundCallsEnabled\":true,\"OutboundCallsEnabled\":true,\"InstanceAlias\":\"d-123\"}",
                "{\"IdentityManagementType\":\"SAML\",\"InboundCallsEnabled\":true,\"OutboundCallsEnabled\":true,\"InstanceAlias\":\"-abc\"}",
                "{\"IdentityManagementType\":\"SAML\",\"InboundCallsEnabled\":true,\"OutboundCallsEnabled\":true,\"InstanceAlias\":\"a_b\"}",
                "{\"IdentityManagementType\":\"SAML\",\"InboundCallsEnabled\":true,\"OutboundCallsEnabled\":true,\"InstanceAlias\":\"abc-\"}",
                "{\"IdentityManagementType\":\"SAML\",\"InboundCallsEnabled\":true,\"OutboundCallsEnabled\":true,\"InstanceAlias\":\""
                        + "a".repeat(46) + "\"}",
                "{\"IdentityManagementType\":\"EXISTING_DIRECTORY\",\"InboundCallsEnabled\":true,\"OutboundCallsEnabled\":true,"
                        + "\"DirectoryId\":\"d-12\"}",
                "{\"IdentityManagementType\":\"SAML\",\"InboundCallsEnabled\":true,\"OutboundCallsEnabled\":true,\"InstanceAlias\":\"ok1\","
                        + "\"Tags\":{\"aws:x\":\"v\"}}",
                "{\"IdentityManagementType\":\"SAML\",\"InboundCallsEnabled\":true,\"OutboundCallsEnabled\":true,\"InstanceAlias\":\"ok2\","
                        + "\"Tags\":{\"k\":\"" + "v".repeat(257) + "\"}}",
                "{\"IdentityManagementType\":\"SAML\",\"InboundCallsEnabled\":true,\"OutboundCallsEnabled\":true,\"InstanceAlias\":\"ok3\","
                        + "\"ClientToken\":\"" + "t".repeat(501) + "\"}")) {
            json("create instance " + cases.size(), "PUT", path, body);
        }
    }

    private void createContactFlow() {
        String path = "/contact-flows/" + INSTANCE;
        String valid = Flows.read("demo-task.json");
        for (String content : List.of("{not json", "[]", "{}", "{\"Version\":\"2019-10-30\",\"Actions\":[]}",
                valid.replace("\"StartAction\": \"set-attributes\"", "\"StartAction\": \"nowhere\""),
                valid.replace("UpdateContactTargetQueue", "InvokeLambdaFunction"),
                valid.replace("\"NextAction\": \"transfer\"", "\"NextAction\": \"missing\""),
                valid.replace("2019-10-30", "2017-01-01"))) {
            json("flow content " + cases.size(), "PUT", path, flowBody("Hostile " + cases.size(), content));
        }
        json("flow without Name", "PUT", path, "{\"Type\":\"CONTACT_FLOW\",\"Content\":\"{}\"}");
        json("flow without Type", "PUT", path, "{\"Name\":\"n\",\"Content\":\"{}\"}");
        json("flow without Content", "PUT", path, "{\"Name\":\"n\",\"Type\":\"CONTACT_FLOW\"}");
        json("flow Type IVR", "PUT", path, "{\"Name\":\"n\",\"Type\":\"IVR\",\"Content\":\"{}\"}");
        json("flow Status DRAFT", "PUT", path, "{\"Name\":\"n\",\"Type\":\"CONTACT_FLOW\",\"Content\":\"{}\",\"Status\":\"DRAFT\"}");
        json("flow Name 128", "PUT", path, flowBody("n".repeat(128), valid));
        json("flow Content 256001", "PUT", path, flowBody("Big", "x".repeat(256_001)));
        json("flow Description 501", "PUT", path, "{\"Name\":\"Long description\",\"Type\":\"CONTACT_FLOW\",\"Description\":\""
                + "d".repeat(501) + "\",\"Content\":" + quote(valid) + "}");
        json("flow Description 300000", "PUT", path, "{\"Name\":\"Huge description\",\"Type\":\"CONTACT_FLOW\",\"Description\":\""
                + "d".repeat(300_000) + "\",\"Content\":" + quote(valid) + "}");
        json("flow Name with lone surrogate", "PUT", path, "{\"Name\":\"\\ud800\",\"Type\":\"CONTACT_FLOW\",\"Content\":"
                + quote(valid) + "}");
        json("flow in unknown instance", "PUT", "/contact-flows/no-such-instance", flowBody("n", valid));
        json("flow name taken", "PUT", path, flowBody(DemoInstance.FLOW_NAME, valid));
    }

    private void createQueue() {
        String path = "/queues/" + INSTANCE;
        for (String body : List.of(
                "{}",
                "{\"Name\":\"n\"}",
                "{\"HoursOfOperationId\":\"h\"}",
                "{\"Name\":42,\"HoursOfOperationId\":\"h\"}",
                "{\"Name\":\"n\",\"HoursOfOperationId\":[]}",
                "{\"Name\":\"\",\"HoursOfOperationId\":\"h\"}",
                "{\"Name\":\"" + "n".repeat(128) + "\",\"HoursOfOperationId\":\"h\"}",
                "{\"Name\":\"\\ud800\",\"HoursOfOperationId\":\"h\"}",
                "{\"Name\":\"n\",\"HoursOfOperationId\":\"\"}",
                "{\"Name\":\"n\",\"HoursOfOperationId\":\"" + "h".repeat(501) + "\"}",
                "{\"Name\":\"n\",\"HoursOfOperationId\":\"h\",\"Description\":\"\"}",
                "{\"Name\":\"n\",\"HoursOfOperationId\":\"h\",\"Description\":\"" + "d".repeat(251) + "\"}",
                "{\"Name\":\"n\",\"HoursOfOperationId\":\"h\",\"MaxContacts\":-1}",
                "{\"Name\":\"n\",\"HoursOfOperationId\":\"h\",\"MaxContacts\":1.5}",
                "{\"Name\":\"n\",\"HoursOfOperationId\":\"h\",\"MaxContacts\":\"5\"}",
                "{\"Name\":\"n\",\"HoursOfOperationId\":\"h\",\"MaxContacts\":1e3}",
                "{\"Name\":\"n\",\"HoursOfOperationId\":\"h\",\"MaxContacts\":99999999999999999999}",
                "{\"Name\":\"n\",\"HoursOfOperationId\":\"h\",\"MaxContacts\":-2147483649}",
                "{\"Name\":\"n\",\"HoursOfOperationId\":\"h\",\"Tags\":{\"aws:x\":\"v\"}}",
                "{\"Name\":\"n\",\"HoursOfOperationId\":\"h\",\"Tags\":[]}",
                "{\"Name\":\"n\",\"HoursOfOperationId\":\"h\",\"OutboundCallerConfig\":{\"OutboundCallerIdName\":\"x\"}}",
                "{\"Name\":\"n\",\"HoursOfOperationId\":\"h\",\"QuickConnectIds\":[\"q\"]}",
                "{\"Name\":\"n\",\"HoursOfOperationId\":\"h\",\"QuickConnectIds\":[]}",
                "{\"Name\":\"n\",\"HoursOfOperationId\":\"h\",\"OutboundEmailConfig\":{}}",
                "{\"Name\":\"n\",\"HoursOfOperationId\":\"h\",\"EmailAddressesConfig\":[{}]}",
                "{\"Name\":\"BasicQueue\",\"HoursOfOperationId\":\"h\"}",
                "{\"Name\":\"Support\",\"HoursOfOperationId\":\"h\"}")) {
            json("create queue " + cases.size(), "PUT", path, body);
        }
        json("queue in unknown instance", "PUT", "/queues/no-such-instance", "{\"Name\":\"n\",\"HoursOfOperationId\":\"h\"}");
        json("queue in instance 101", "PUT", "/queues/" + "i".repeat(101), "{\"Name\":\"n\",\"HoursOfOperationId\":\"h\"}");
        // a flow naming a queue the instance lacks, or another instance's
        String valid = Flows.read("demo-task.json");
        json("flow naming a missing queue", "PUT", "/contact-flows/" + INSTANCE, flowBody("Missing queue",
                valid.replace("\"QueueId\": \"support\"", "\"QueueId\": \"no-such-queue\"")));
        json("flow naming another instance's queue", "PUT", "/contact-flows/" + INSTANCE, flowBody("Foreign queue",
                valid.replace("\"QueueId\": \"support\"", "\"QueueId\": \"arn:aws:connect:us-east-1:000000000000:instance/other/queue/support\"")));
        json("flow naming a 600-character queue", "PUT", "/contact-flows/" + INSTANCE, flowBody("Long queue",
                valid.replace("\"QueueId\": \"support\"", "\"QueueId\": \"" + "q".repeat(600) + "\"")));
    }

    /** ListQueues, ListContactFlows and ListInstances: tokens, page sizes and filters that are refused. */
    private void listings() {
        String tampered = queuesToken.substring(0, queuesToken.length() - 2) + (queuesToken.endsWith("A") ? "B" : "A") + "A";
        String forged = java.util.Base64.getUrlEncoder().withoutPadding()
                .encodeToString("zzzz".getBytes(StandardCharsets.UTF_8)) + queuesToken.substring(queuesToken.indexOf('.'));
        List<String> badTokens = List.of("", "x", ".", "..", "%00", "a.b", tampered, forged, queuesToken + "x",
                "A".repeat(5000), "%F0%9F%98%80.x", queuesToken.replace('.', '%'));
        List<String> lists = List.of("/queues-summary/" + INSTANCE, "/contact-flows-summary/" + INSTANCE, "/instance");
        for (String list : lists) {
            for (String token : badTokens) {
                add("token " + token.substring(0, Math.min(20, token.length())) + " to " + list, "GET",
                        list + "?nextToken=" + token, null, new byte[0]);
            }
            for (String maxResults : List.of("0", "-1", "abc", "1.5", "", "1e3", "99999999999999999999", "1001", "%00", "+5")) {
                add("maxResults " + maxResults + " to " + list, "GET", list + "?maxResults=" + maxResults, null, new byte[0]);
            }
            add("maxResults twice to " + list, "GET", list + "?maxResults=5&maxResults=6", null, new byte[0]);
            add("nextToken twice to " + list, "GET", list + "?nextToken=" + queuesToken + "&nextToken=" + queuesToken, null,
                    new byte[0]);
        }
        add("ListInstances maxResults 11", "GET", "/instance?maxResults=11", null, new byte[0]);
        // a token of the demo instance's queues, sent to its flows, to the instances, to another instance's queues
        add("queues token to flows", "GET", "/contact-flows-summary/" + INSTANCE + "?nextToken=" + queuesToken, null, new byte[0]);
        add("queues token to instances", "GET", "/instance?nextToken=" + queuesToken, null, new byte[0]);
        add("queues token to another instance", "GET", "/queues-summary/other-instance?nextToken=" + queuesToken, null, new byte[0]);
        for (String types : List.of("queueTypes=FOO", "queueTypes=standard", "queueTypes=", "queueTypes=STANDARD&queueTypes=AGENT&queueTypes=STANDARD")) {
            add("queues " + types, "GET", "/queues-summary/" + INSTANCE + "?" + types, null, new byte[0]);
        }
        for (String types : List.of("contactFlowTypes=IVR", "contactFlowTypes=contact_flow", "contactFlowTypes=",
                "contactFlowTypes=CONTACT_FLOW" + "&contactFlowTypes=CONTACT_FLOW".repeat(10))) {
            add("flows " + types, "GET", "/contact-flows-summary/" + INSTANCE + "?" + types, null, new byte[0]);
        }
        add("queues of an unknown instance", "GET", "/queues-summary/no-such-instance", null, new byte[0]);
        add("flows of an unknown instance", "GET", "/contact-flows-summary/no-such-instance", null, new byte[0]);
        add("queues of instance 101", "GET", "/queues-summary/" + "i".repeat(101), null, new byte[0]);
    }

    private static String flowBody(String name, String content) {
        return "{\"Name\":" + quote(name) + ",\"Type\":\"CONTACT_FLOW\",\"Content\":" + quote(content) + "}";
    }

    private static String quote(String text) {
        return dev.connecttasks.json.Json.write(com.fasterxml.jackson.databind.node.TextNode.valueOf(text));
    }

    private void stopping() {
        String path = "/contact/stop";
        for (String body : List.of(
                "{}",
                "{\"InstanceId\":\"" + INSTANCE + "\"}",
                "{\"ContactId\":\"" + contactId + "\"}",
                "{\"InstanceId\":42,\"ContactId\":\"" + contactId + "\"}",
                "{\"InstanceId\":\"" + INSTANCE + "\",\"ContactId\":[]}",
                "{\"InstanceId\":\"" + INSTANCE + "\",\"ContactId\":\"" + contactId + "\",\"DisconnectReason\":{\"Code\":\"x\"}}",
                "{\"InstanceId\":\"" + INSTANCE + "\",\"ContactId\":\"" + "c".repeat(257) + "\"}",
                "{\"InstanceId\":\"" + INSTANCE + "\",\"ContactId\":\"no-such-contact\"}",
                "{\"InstanceId\":\"other-instance\",\"ContactId\":\"" + contactId + "\"}")) {
            json("stop " + cases.size(), "POST", path, body);
        }
    }

    /** Every transfer here is refused: the scheduled contact is not active, the others are malformed or absent. */
    private void transferring() {
        String path = "/contact/transfer";
        String flow = ",\"ContactFlowId\":\"" + FLOW + "\"";
        String active = "\"InstanceId\":\"" + INSTANCE + "\",\"ContactId\":\"" + immediateContactId + "\"";
        for (String body : List.of(
                "{}",
                "{" + active + "}",
                "{\"InstanceId\":\"" + INSTANCE + "\"" + flow + "}",
                "{\"InstanceId\":42,\"ContactId\":\"" + immediateContactId + "\"" + flow + "}",
                "{" + active + ",\"ContactFlowId\":[]}",
                "{" + active + flow + ",\"QueueId\":{}}",
                "{" + active + flow + ",\"UserId\":\"agent-1\"}",
                "{" + active + flow + ",\"QueueId\":\"q\",\"UserId\":\"agent-1\"}",
                "{" + active + ",\"ContactFlowId\":\"" + "f".repeat(501) + "\"}",
                "{" + active + flow + ",\"ClientToken\":\"\"}",
                "{" + active + ",\"ContactFlowId\":\"no-such-flow\"}",
                "{\"InstanceId\":\"" + INSTANCE + "\",\"ContactId\":\"" + contactId + "\"" + flow + "}",
                "{\"InstanceId\":\"" + INSTANCE + "\",\"ContactId\":\"no-such-contact\"" + flow + "}",
                "{\"InstanceId\":\"other-instance\",\"ContactId\":\"" + immediateContactId + "\"" + flow + "}")) {
            json("transfer " + cases.size(), "POST", path, body);
        }
    }

    private void attributes() {
        String path = "/contact/attributes";
        String contact = "\"InstanceId\":\"" + INSTANCE + "\",\"InitialContactId\":\"" + contactId + "\"";
        for (String body : List.of(
                "{" + contact + "}",
                "{\"InstanceId\":\"" + INSTANCE + "\",\"Attributes\":{\"a\":\"b\"}}",
                "{" + contact + ",\"Attributes\":[]}",
                "{" + contact + ",\"Attributes\":{\"a\":42}}",
                "{" + contact + ",\"Attributes\":{\"white space\":\"1\"}}",
                "{" + contact + ",\"Attributes\":{\"\":\"1\"}}",
                "{" + contact + ",\"Attributes\":{\"k\":\"\\ud800\"}}",
                "{" + contact + ",\"Attributes\":{\"k\":\"" + "v".repeat(32_768) + "\"}}",
                "{" + contact + ",\"Attributes\":{\"k1\":\"" + "v".repeat(20_000) + "\",\"k2\":\"" + "v".repeat(20_000) + "\"}}",
                "{\"InstanceId\":\"" + INSTANCE + "\",\"InitialContactId\":\"no-such-contact\",\"Attributes\":{\"a\":\"b\"}}",
                "{\"InstanceId\":\"other-instance\",\"InitialContactId\":\"" + contactId + "\",\"Attributes\":{\"a\":\"b\"}}")) {
            json("attributes " + cases.size(), "POST", path, body);
        }
        String get = "/contact/attributes/";
        add("attributes of an unknown contact", "GET", get + INSTANCE + "/no-such-contact", null, new byte[0]);
        add("attributes in another instance", "GET", get + "other-instance/" + contactId, null, new byte[0]);
        add("attributes of a 257-character id", "GET", get + INSTANCE + "/" + "c".repeat(257), null, new byte[0]);
        add("attributes without a contact", "GET", get + INSTANCE, null, new byte[0]);
    }

    private void tagging() {
        String path = "/contact/tags";
        String contact = "\"InstanceId\":\"" + INSTANCE + "\",\"ContactId\":\"" + contactId + "\"";
        for (String body : List.of(
                "{" + contact + "}",
                "{\"InstanceId\":\"" + INSTANCE + "\",\"Tags\":{\"a\":\"b\"}}",
                "{" + contact + ",\"Tags\":[]}",
                "{" + contact + ",\"Tags\":{\"a\":42}}",
                "{" + contact + ",\"Tags\":{}}",
                "{" + contact + ",\"Tags\":{\"a\":\"1\",\"b\":\"2\",\"c\":\"3\",\"d\":\"4\",\"e\":\"5\",\"f\":\"6\",\"g\":\"7\"}}",
                "{" + contact + ",\"Tags\":{\"aws:x\":\"1\"}}",
                "{" + contact + ",\"Tags\":{\"white space\":\"1\"}}",
                "{" + contact + ",\"Tags\":{\"" + "k".repeat(129) + "\":\"1\"}}",
                "{" + contact + ",\"Tags\":{\"k\":\"" + "v".repeat(257) + "\"}}",
                "{" + contact + ",\"Tags\":{\"k\":\"\\ud800\"}}",
                "{\"InstanceId\":\"" + INSTANCE + "\",\"ContactId\":\"no-such-contact\",\"Tags\":{\"a\":\"b\"}}",
                "{\"InstanceId\":\"other-instance\",\"ContactId\":\"" + contactId + "\",\"Tags\":{\"a\":\"b\"}}")) {
            json("tag " + cases.size(), "POST", path, body);
        }
        String untag = "/contact/tags/" + INSTANCE + "/";
        for (String query : List.of("", "?TagKeys=", "?TagKeys=a&TagKeys=b&TagKeys=c&TagKeys=d&TagKeys=e&TagKeys=f&TagKeys=g",
                "?TagKeys=aws%3Ax", "?TagKeys=white%20space", "?TagKeys=" + "k".repeat(129), "?tagkeys=a")) {
            add("untag " + query, "DELETE", untag + contactId + query, null, new byte[0]);
        }
        add("untag unknown contact", "DELETE", untag + "no-such-contact?TagKeys=a", null, new byte[0]);
        add("untag other instance", "DELETE", "/contact/tags/other-instance/" + contactId + "?TagKeys=a", null, new byte[0]);
    }

    private void searchContacts() {
        String path = "/search-contacts";
        Instant now = Instant.now();
        String day = "\"TimeRange\":{\"Type\":\"INITIATION_TIMESTAMP\",\"StartTime\":" + seconds(now.minusSeconds(86_400))
                + ",\"EndTime\":" + seconds(now) + "}";
        String search = "\"InstanceId\":\"" + INSTANCE + "\"," + day;
        for (String body : List.of(
                "{}",
                "{\"InstanceId\":\"" + INSTANCE + "\"}",
                "{" + day + "}",
                "{\"InstanceId\":\"" + INSTANCE + "\",\"TimeRange\":{\"Type\":\"EXPIRY_TIMESTAMP\",\"StartTime\":0,\"EndTime\":1}}",
                "{\"InstanceId\":\"" + INSTANCE + "\",\"TimeRange\":{\"Type\":\"INITIATION_TIMESTAMP\",\"StartTime\":0,\"EndTime\":"
                        + seconds(now) + "}}",
                "{\"InstanceId\":\"" + INSTANCE + "\",\"TimeRange\":{\"Type\":\"INITIATION_TIMESTAMP\",\"StartTime\":10,\"EndTime\":1}}",
                "{\"InstanceId\":\"" + INSTANCE + "\",\"TimeRange\":{\"Type\":\"INITIATION_TIMESTAMP\",\"StartTime\":\"today\",\"EndTime\":1}}",
                "{\"InstanceId\":\"" + INSTANCE + "\",\"TimeRange\":[]}",
                "{" + search + ",\"MaxResults\":0}",
                "{" + search + ",\"MaxResults\":101}",
                "{" + search + ",\"MaxResults\":1.5}",
                "{" + search + ",\"NextToken\":\"\"}",
                "{" + search + ",\"NextToken\":\"garbage\"}",
                "{" + search + ",\"NextToken\":\"eyJoIjoieCIsInIiOjEsImkiOiJjIn0.AAAAAAAAAAAAAAAAAAAAAA\"}",
                "{" + search + ",\"NextToken\":\"" + "t".repeat(100_001) + "\"}",
                "{" + search + ",\"Sort\":{\"FieldName\":\"NAME\",\"Order\":\"ASCENDING\"}}",
                "{" + search + ",\"Sort\":{\"FieldName\":\"CHANNEL\"}}",
                "{" + search + ",\"SearchCriteria\":[]}",
                "{" + search + ",\"SearchCriteria\":{\"Channels\":[\"FAX\"]}}",
                "{" + search + ",\"SearchCriteria\":{\"Channels\":\"TASK\"}}",
                "{" + search + ",\"SearchCriteria\":{\"QueueIds\":[" + "\"q\",".repeat(100) + "\"q\"]}}",
                "{" + search + ",\"SearchCriteria\":{\"Name\":{\"SearchText\":[\"a\"]}}}",
                "{" + search + ",\"SearchCriteria\":{\"Name\":{\"SearchText\":[\"" + "a".repeat(129) + "\"],\"MatchType\":\"MATCH_ALL\"}}}",
                "{" + search + ",\"SearchCriteria\":{\"Name\":{\"SearchText\":\"a\",\"MatchType\":\"MATCH_ALL\"}}}",
                "{" + search + ",\"SearchCriteria\":{\"SearchableContactAttributes\":{\"Criteria\":[{\"Key\":\"k\"}]}}}",
                "{" + search + ",\"SearchCriteria\":{\"SearchableContactAttributes\":{\"Criteria\":[{\"Key\":\"\",\"Values\":[]}]}}}",
                "{" + search + ",\"SearchCriteria\":{\"SearchableContactAttributes\":{\"Criteria\":["
                        + "{\"Key\":\"k\",\"Values\":[]},".repeat(15) + "{\"Key\":\"k\",\"Values\":[]}]}}}",
                "{" + search + ",\"SearchCriteria\":{\"SearchableContactAttributes\":{\"Criteria\":[],\"MatchType\":\"MATCH_EXACT\"}}}",
                "{" + search + ",\"SearchCriteria\":{\"ContactTags\":{\"TagCondition\":{\"TagValue\":\"v\"}}}}",
                "{" + search + ",\"SearchCriteria\":{\"ContactTags\":{\"OrConditions\":[{\"TagKey\":\"k\"}]}}}",
                "{" + search + ",\"SearchCriteria\":{\"AdditionalTimeRange\":{\"Criteria\":[{}],\"MatchType\":\"MATCH_ALL\"}}}",
                "{\"InstanceId\":\"no-such-instance\"," + day + "}")) {
            json("search " + cases.size(), "POST", path, body);
        }
    }

    private void unknownRoutes() {
        for (String route : List.of("GET /", "GET /contact", "GET /contact/task", "DELETE /contacts/i/c", "PATCH /instance",
                "GET /contacts/i", "GET /contacts/i/c/extra", "GET /instance/", "OPTIONS /contact/task", "TRACE /contact/task",
                "POST /contact/task", "PUT /contact/schedule", "GET /contact-flows/i", "DELETE /instance/i",
                "GET /queues", "GET /queues/i/q/extra", "POST /queues/i", "DELETE /queues/i/q", "PUT /queues-summary/i",
                "GET /queues-summary", "GET /contact-flows-summary", "POST /instance", "GET /contact/references/i", "PUT /contacts/i/c", "GET //contact/task",
                "GET /contact/task/../schedule", "GET /%2e%2e/etc/passwd", "PATCH /instance/i/task/template",
                "GET /instance/i/task", "PUT /instance/i/task/template/t", "GET /instance/i/task/template/t/extra",
                "DELETE /instance/i/task/template", "POST /instance/i/task/template")) {
            String[] methodAndPath = route.split(" ", 2);
            add(route, methodAndPath[0], methodAndPath[1], null, new byte[0]);
        }
    }

    /** A template body with {@code members} added to a valid one's (which replace nothing: JSON keys are unique). */
    private static String template(String members) {
        return "{\"Fields\":[{\"Id\":{\"Name\":\"Title\"},\"Type\":\"NAME\"}]" + members + "}";
    }

    private static final String REQUIRED_TITLE = ",\"Constraints\":{\"RequiredFields\":[{\"Id\":{\"Name\":\"Title\"}}]}";

    private void taskTemplates() {
        String path = "/instance/" + INSTANCE + "/task/template";
        List<String> bodies = new ArrayList<>(List.of(
                template(""),
                template(",\"Name\":\"n\""),
                template(",\"Name\":\"\"" + REQUIRED_TITLE),
                template(",\"Name\":\"" + "n".repeat(101) + "\"" + REQUIRED_TITLE),
                template(",\"Name\":\"n\",\"Description\":\"\"" + REQUIRED_TITLE),
                template(",\"Name\":\"n\",\"ContactFlowId\":\"no-such-flow\"" + REQUIRED_TITLE),
                template(",\"Name\":\"n\",\"ContactFlowId\":\"" + "f".repeat(501) + "\"" + REQUIRED_TITLE),
                template(",\"Name\":\"n\",\"Status\":\"DRAFT\"" + REQUIRED_TITLE),
                template(",\"Name\":\"n\",\"SelfAssignFlowId\":\"" + FLOW + "\"" + REQUIRED_TITLE),
                template(",\"Name\":\"n\",\"ClientToken\":\"" + "t".repeat(501) + "\"" + REQUIRED_TITLE),
                template(",\"Name\":\"n\",\"Constraints\":{\"RequiredFields\":[{\"Id\":{\"Name\":\"Nope\"}}]}"),
                template(",\"Name\":\"n\",\"Constraints\":[]"),
                template(",\"Name\":\"n\",\"Constraints\":{\"RequiredFields\":{}}"),
                template(",\"Name\":\"n\",\"Constraints\":{\"RequiredFields\":[42]}"),
                template(",\"Name\":\"n\",\"Defaults\":{\"DefaultFieldValues\":[{\"Id\":{\"Name\":\"Nope\"},"
                        + "\"DefaultValue\":\"x\"}]}" + REQUIRED_TITLE),
                template(",\"Name\":\"n\",\"Defaults\":{\"DefaultFieldValues\":[{\"Id\":{\"Name\":\"Title\"},"
                        + "\"DefaultValue\":\"" + "d".repeat(4097) + "\"}]}" + REQUIRED_TITLE),
                template(",\"Name\":\"n\",\"Defaults\":\"none\"" + REQUIRED_TITLE),
                template(",\"Name\":42" + REQUIRED_TITLE),
                template(",\"Name\":[\"n\"]" + REQUIRED_TITLE),
                template(",\"Name\":{\"S\":\"n\"}" + REQUIRED_TITLE),
                "{\"Name\":\"n\",\"Fields\":{}" + REQUIRED_TITLE + "}",
                "{\"Name\":\"n\",\"Fields\":[]" + REQUIRED_TITLE + "}",
                "{\"Name\":\"n\",\"Fields\":[null]" + REQUIRED_TITLE + "}",
                "{\"Name\":\"n\",\"Fields\":[{\"Id\":\"Title\",\"Type\":\"NAME\"}]" + REQUIRED_TITLE + "}",
                "{\"Name\":\"n\",\"Fields\":[{\"Id\":{\"Name\":\"Title\"},\"Type\":\"TITLE\"}]" + REQUIRED_TITLE + "}",
                "{\"Name\":\"n\",\"Fields\":[{\"Id\":{\"Name\":\"Title\"},\"Type\":\"NAME\"},"
                        + "{\"Id\":{\"Name\":\"Title\"},\"Type\":\"TEXT\"}]" + REQUIRED_TITLE + "}",
                "{\"Name\":\"n\",\"Fields\":[{\"Id\":{\"Name\":\"Title\"},\"Type\":\"NAME\"},"
                        + "{\"Id\":{\"Name\":\"P\"},\"Type\":\"SINGLE_SELECT\",\"SingleSelectOptions\":[]}]" + REQUIRED_TITLE + "}",
                "{\"Name\":\"n\",\"Fields\":[{\"Id\":{\"Name\":\"Title\"},\"Type\":\"NAME\","
                        + "\"SingleSelectOptions\":[\"a\"]}]" + REQUIRED_TITLE + "}",
                "{\"Name\":\"n\",\"Fields\":[{\"Id\":{\"Name\":\"\\ud800\"},\"Type\":\"NAME\"}]" + REQUIRED_TITLE + "}"));
        StringBuilder many = new StringBuilder("{\"Name\":\"n\"" + REQUIRED_TITLE + ",\"Fields\":[{\"Id\":{\"Name\":\"Title\"},\"Type\":\"NAME\"}");
        for (int i = 0; i < 60; i++) {
            many.append(",{\"Id\":{\"Name\":\"F").append(i).append("\"},\"Type\":\"TEXT\"}");
        }
        bodies.add(many.append("]}").toString());
        for (String body : bodies) {
            json("create template " + cases.size(), "PUT", path, body);
        }
        json("template in an unknown instance", "PUT", "/instance/no-such-instance/task/template",
                template(",\"Name\":\"n\"" + REQUIRED_TITLE));
        json("template in a 101-character instance", "PUT", "/instance/" + "i".repeat(101) + "/task/template",
                template(",\"Name\":\"n\"" + REQUIRED_TITLE));
        for (String id : List.of("t".repeat(501), "%00", "%2e%2e", "a%20b", "%F0%9F%98%80", "%3Cscript%3E", "no-such-template")) {
            add("get template " + id, "GET", path + "/" + id, null, new byte[0]);
            add("delete template " + id, "DELETE", path + "/" + id, null, new byte[0]);
            json("update template " + id, "POST", path + "/" + id, "{\"Status\":\"INACTIVE\"}");
        }
        add("get template with a snapshotVersion", "GET", path + "/no-such-template?snapshotVersion=1", null, new byte[0]);
        for (String query : List.of("?maxResults=0", "?maxResults=101", "?maxResults=-1", "?maxResults=ten",
                "?maxResults=99999999999", "?status=DRAFT", "?status=active", "?name=", "?name=" + "n".repeat(101),
                "?nextToken=x", "?nextToken=e30", "?nextToken=%00", "?nextToken=" + "A".repeat(5000),
                "?maxResults=1&maxResults=2", "?status=ACTIVE&status=INACTIVE")) {
            add("list templates " + query, "GET", path + query, null, new byte[0]);
        }
    }
}
