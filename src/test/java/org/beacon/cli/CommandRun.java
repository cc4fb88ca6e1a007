package org.beacon.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import java.util.List;

import org.springframework.context.ApplicationContext;

import picocli.CommandLine;

/**
 * One run of the {@code beacon} command line as the jar runs it (the same root command, its subcommands made
 * by the application context so they take module APIs), with what it printed kept for the test to read.
 *
 * @param exitCode what the process would exit with
 * @param out everything printed on standard output
 * @param err everything printed on standard error
 */
record CommandRun(int exitCode, String out, String err) {

	/** Runs {@code beacon args...} against the beans of {@code context}. */
	static CommandRun beacon(ApplicationContext context, String... args) {
		StringWriter out = new StringWriter();
		StringWriter err = new StringWriter();
		CommandLine commandLine = new CommandLineRunnerConfig(context).commandLine();
		commandLine.setOut(new PrintWriter(out, true));
		commandLine.setErr(new PrintWriter(err, true));
		int exitCode = commandLine.execute(args);
		return new CommandRun(exitCode, out.toString(), err.toString());
	}

	/** The file system path of a test resource, as a command-line argument; fails naming a missing one. */
	static String resource(String name) {
		URL url = CommandRun.class.getResource(name);
		if (url == null) {
			throw new IllegalArgumentException("no test resource " + name);
		}
		try {
			return Path.of(url.toURI()).toString();
		}
		catch (URISyntaxException e) {
			throw new IllegalStateException(e);
		}
	}

	/** Standard output, line by line. */
	List<String> lines() {
		return out.lines().toList();
	}

	/** The last line of standard output, where the import commands print their counts; empty if none. */
	String lastLine() {
		List<String> lines = lines();
		return lines.isEmpty() ? "" : lines.get(lines.size() - 1);
	}

	/** The first line of standard output: a CSV header. */
	String header() {
		return out.lines().findFirst().orElse("");
	}

	/** The lines after the header, split on commas (empty fields kept). */
	List<String[]> rows() {
		return out.lines().skip(1).map(l -> l.split(",", -1)).toList();
	}

	/** Standard error, line by line. */
	List<String> errLines() {
		return err.lines().toList();
	}
}
