package org.beacon.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;

import org.beacon.analytics.AnalysisProgress;

import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * The progress of {@code analyze} as a bar on standard error ({@code backtest ... 12/260 (0:00:05 / 0:01:40)
 * week 12 of 260}), like {@code import incidents} shows its own, so standard output keeps only the table. A
 * run that counts one unit (the quick methods) draws no bar.
 */
final class AnalyzeProgress implements AnalysisProgress, AutoCloseable {

	/** Where Linux tells what standard error is connected to. */
	private static final Path STDERR_LINK = Path.of("/proc/self/fd/2");

	private final String task;
	private final PrintStream out;
	private ProgressBar bar;

	/** A bar named {@code task} on {@code out}, usually {@code System.err}. */
	AnalyzeProgress(String task, PrintStream out) {
		this.task = task;
		this.out = out;
	}

	@Override
	public void progressed(long done, long total, String label) {
		if (total <= 1) {
			return;
		}
		if (bar == null || bar.getMax() != total) {
			close();
			// one bar, redrawn in place with a carriage return: no cursor movement needed
			bar = new ProgressBarBuilder().setTaskName(task).setInitialMax(total).setStyle(ProgressBarStyle.ASCII)
					.setUpdateIntervalMillis(500).setConsumer(new ConsoleProgressBarConsumer(out)).build();
		}
		bar.stepTo(done);
		bar.setExtraMessage(" " + label);
	}

	@Override
	public void close() {
		if (bar != null) {
			bar.close();
			bar = null;
		}
	}

	/**
	 * Whether standard error is a terminal: on Linux, what its descriptor links to (a pseudo-terminal or a
	 * tty); elsewhere, whether the JVM has a console.
	 */
	static boolean stderrIsTerminal() {
		try {
			if (Files.isSymbolicLink(STDERR_LINK)) {
				String target = Files.readSymbolicLink(STDERR_LINK).toString();
				return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
			}
		}
		catch (IOException | UnsupportedOperationException | SecurityException e) {
			// not Linux, or not allowed to look: fall back to the console
		}
		return System.console() != null;
	}
}
