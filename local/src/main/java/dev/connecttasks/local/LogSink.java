package dev.connecttasks.local;

/** Where the functions' output goes: each line as the function wrote it, with the function's logical id. */
@FunctionalInterface
public interface LogSink {

    void line(String functionId, String line, boolean standardError);

    /** Standard output and standard error of this process, as Lambda's log lines (JSON) and nothing added. */
    LogSink CONSOLE = (functionId, line, standardError) -> (standardError ? System.err : System.out).println(line);

    /** Everything to standard error: for {@code ./dev invoke}, whose standard output is the function's response. */
    LogSink STANDARD_ERROR = (functionId, line, standardError) -> System.err.println(line);

    /** Nowhere: for the benchmark, which reads outcomes, not logs. */
    LogSink DISCARD = (functionId, line, standardError) -> { };
}
