package dev.connecttasks.local;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * How the local runtime starts a function, following AWS Lambda's {@code java21} managed runtime: the
 * deployment jar in {@code lib/} of a task root that is the working directory, AWS Lambda's Java Runtime
 * Interface Client with its core and serialisation jars as the class path, Lambda's JVM options (heap at
 * 85% of {@code MemorySize}, serial GC, CRaC hooks through the runtime's own implementation), and the
 * environment Lambda gives a SnapStart function: no access keys, only the container credentials endpoint.
 *
 * @param javaLauncher the {@code java} command (this JVM's)
 * @param runtimeClasspath the Runtime Interface Client and what it needs: aws-lambda-java-core and -serialization, utils-lite
 * @param root the checkout, against which the template's {@code CodeUri}s resolve
 * @param taskRoots where this launcher makes its functions' task roots
 * @param localEnvironment what the local runtime adds: the emulator's endpoint, the local Lambda endpoint
 */
record LambdaLaunch(Path javaLauncher, List<Path> runtimeClasspath, Path root, Path taskRoots, LocalNames names,
        CredentialsEndpoint credentials, Map<String, String> localEnvironment, LogSink logs) {

    private static final String RUNTIME_CLIENT = "com.amazonaws.services.lambda.runtime.api.client.AWSLambda";

    /** The Runtime Interface Client's class path, copied by the build into {@code local/target/lambda-runtime/}. */
    static List<Path> runtimeClasspathIn(Path root) throws IOException {
        Path directory = root.resolve("local/target/lambda-runtime");
        List<Path> jars = new ArrayList<>();
        if (Files.isDirectory(directory)) {
            try (DirectoryStream<Path> stream = Files.newDirectoryStream(directory, "*.jar")) {
                stream.forEach(jars::add);
            }
        }
        if (jars.stream().noneMatch(jar -> jar.getFileName().toString().startsWith("aws-lambda-java-runtime-interface-client"))
                || !Files.exists(nativeClient(directory))) {
            throw new IOException("the Lambda runtime is missing from " + directory + ": run mvn package -pl local -am");
        }
        jars.sort(null);
        return List.copyOf(jars);
    }

    /**
     * The Runtime Interface Client's native library, unpacked by the build, loaded from where it lies as
     * Lambda's runtime loads it. Left to itself, the client copies it to one fixed file in /tmp, which
     * is private to each environment in Lambda but shared here: environments starting together would
     * load each other's half-written copies.
     */
    private static Path nativeClient(Path runtimeDirectory) {
        String arch = System.getProperty("os.arch").equals("aarch64") ? "aarch_64" : "x86_64";
        return runtimeDirectory.resolve("jni").resolve("libaws-lambda-jni.linux-" + arch + ".so");
    }

    /**
     * The task root of a function: for one of our modules, a directory under {@code taskRoots} whose
     * {@code lib/} links to the module's one deployment jar (as {@code sam build} ships it); for a
     * {@code CodeUri} that is already a built directory (no {@code pom.xml}), that directory.
     */
    Path taskRoot(SamTemplate.FunctionSpec spec) throws IOException {
        Path code = root.resolve(spec.codeUri()).normalize();
        if (!Files.exists(code.resolve("pom.xml")) && Files.isDirectory(code)) {
            return code;
        }
        Path jar = deploymentJar(code.resolve("target"));
        Path lib = taskRoots.resolve(spec.id()).resolve("lib");
        Files.createDirectories(lib);
        Path link = lib.resolve(jar.getFileName());
        if (!Files.isSymbolicLink(link)) {
            Files.createSymbolicLink(link, jar.toAbsolutePath());
        }
        return lib.getParent();
    }

    /** The one {@code *-lambda.jar} a module's build left in {@code target}. */
    static Path deploymentJar(Path target) throws IOException {
        List<Path> jars = new ArrayList<>();
        if (Files.isDirectory(target)) {
            try (DirectoryStream<Path> found = Files.newDirectoryStream(target, "*-lambda.jar")) {
                found.forEach(jars::add);
            }
        }
        if (jars.size() != 1) {
            throw new IOException((jars.isEmpty() ? "no deployment jar" : "more than one deployment jar " + jars) + " in "
                    + target + "; build it with mvn package (mvn clean first if an old version is left)");
        }
        return jars.get(0);
    }

    ProcessBuilder process(SamTemplate.FunctionSpec spec, Path taskRoot, String runtimeApi) {
        List<String> command = List.of(javaLauncher.toString(),
                "-XX:MaxHeapSize=" + spec.memoryMb() * 1024L * 85 / 100 + "k",
                "-XX:+UseSerialGC",
                "-XX:+TieredCompilation",
                "-XX:TieredStopAtLevel=1",
                "--add-opens=java.base/java.io=ALL-UNNAMED",
                "-Dorg.crac.Core.Compat=com.amazonaws.services.lambda.crac",
                "-Dcom.amazonaws.services.lambda.runtime.api.client.runtimeapi.NativeClient.JNI="
                        + nativeClient(runtimeClasspath.get(0).getParent()),
                "-XX:+ErrorFileToStderr",
                "-classpath", runtimeClasspath.stream().map(Path::toString).collect(Collectors.joining(":")),
                RUNTIME_CLIENT, spec.handler());
        ProcessBuilder builder = new ProcessBuilder(command).directory(taskRoot.toFile());
        Map<String, String> environment = builder.environment();
        environment.clear();
        environment.putAll(environment(spec, taskRoot, runtimeApi));
        return builder;
    }

    /** The whole environment of the function's process: nothing of this process's own is passed on. */
    Map<String, String> environment(SamTemplate.FunctionSpec spec, Path taskRoot, String runtimeApi) {
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("PATH", "/usr/local/bin:/usr/bin:/bin");
        environment.put("LANG", "en_US.UTF-8");
        environment.put("TZ", ":UTC");
        environment.put("LAMBDA_TASK_ROOT", taskRoot.toString());
        environment.put("LAMBDA_RUNTIME_DIR", runtimeClasspath.get(0).getParent().toString());
        environment.put("_HANDLER", spec.handler());
        environment.put("AWS_EXECUTION_ENV", "AWS_Lambda_java21");
        environment.put("AWS_REGION", names.region());
        environment.put("AWS_DEFAULT_REGION", names.region());
        environment.put("AWS_LAMBDA_FUNCTION_NAME", spec.id());
        environment.put("AWS_LAMBDA_FUNCTION_VERSION", "1");
        environment.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", Integer.toString(spec.memoryMb()));
        environment.put("AWS_LAMBDA_INITIALIZATION_TYPE", "snap-start");
        environment.put("AWS_LAMBDA_LOG_GROUP_NAME", "/aws/lambda/" + spec.id());
        environment.put("AWS_LAMBDA_LOG_STREAM_NAME", "local/[1]" + Long.toHexString(System.nanoTime()));
        environment.put("AWS_LAMBDA_LOG_FORMAT", spec.logFormat().toUpperCase(Locale.ROOT));
        environment.put("AWS_LAMBDA_RUNTIME_API", runtimeApi);
        environment.put("AWS_XRAY_CONTEXT_MISSING", "LOG_ERROR");
        environment.put("AWS_CONTAINER_CREDENTIALS_FULL_URI", credentials.uri());
        environment.put("AWS_CONTAINER_AUTHORIZATION_TOKEN", credentials.token());
        environment.putAll(localEnvironment);
        environment.putAll(spec.environment());
        return environment;
    }
}
