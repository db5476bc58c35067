package dev.connecttasks.project;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.connecttasks.testing.ApiEvents;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The imports of shared's main sources point the way the map in docs/design.md says, and only that way. */
class PackageMapTest {
    private static final Path SOURCES = ApiEvents.repositoryRoot().resolve("shared/src/main/java/dev/connecttasks");
    private static final Pattern ROW = Pattern.compile("^\\| (`[^|]+) \\| [^|]+ \\| ([^|]+) \\|$");
    private static final Pattern NAME = Pattern.compile("`([a-z.]+)`");
    private static final Pattern IMPORT = Pattern.compile("^import (?:static )?dev\\.connecttasks\\.([a-z]+(?:\\.port)?)\\.",
            Pattern.MULTILINE);

    /** Package to the packages it may import, from the map's table (the handlers' row aside). */
    private static Map<String, Set<String>> allowed() throws IOException {
        Map<String, Set<String>> allowed = new HashMap<>();
        for (String line : Files.readAllLines(ApiEvents.repositoryRoot().resolve("docs/design.md"))) {
            Matcher row = ROW.matcher(line);
            if (!row.matches() || row.group(1).startsWith("`handler`")) {
                continue;
            }
            Set<String> imports = names(row.group(2));
            for (String name : names(row.group(1))) {
                allowed.put(name, imports);
            }
        }
        return allowed;
    }

    private static Set<String> names(String cell) {
        Set<String> names = new HashSet<>();
        Matcher name = NAME.matcher(cell);
        while (name.find()) {
            names.add(name.group(1));
        }
        return names;
    }

    @Test
    void everyImportOfOursIsOneTheMapAllows() throws IOException {
        Map<String, Set<String>> allowed = allowed();
        assertTrue(allowed.keySet().containsAll(Set.of("http", "operation", "operation.port", "store", "contact", "error")),
                allowed.keySet().toString());
        List<String> wrongWay = new ArrayList<>();
        Set<String> packagesSeen = new HashSet<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(path -> path.toString().endsWith(".java")).toList()) {
                String pkg = SOURCES.relativize(file.getParent()).toString().replace('/', '.');
                packagesSeen.add(pkg);
                Set<String> mayImport = allowed.getOrDefault(pkg, Set.of());
                Matcher imported = IMPORT.matcher(Files.readString(file));
                while (imported.find()) {
                    String target = imported.group(1);
                    if (!target.equals(pkg) && !mayImport.contains(target)) {
                        wrongWay.add(SOURCES.relativize(file) + " imports " + target);
                    }
                }
            }
        }
        assertEquals(allowed.keySet(), packagesSeen, "every package of shared has its row in the map, and no more");
        assertEquals(List.of(), wrongWay);
    }
}
