package org.beacon.analytics.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs a peer script under {@code /usr/bin/time}, echoes its output indented, and collects the
 * {@code key=seconds} timings the peer scripts print plus wall clock, CPU and peak RSS of the process.
 */
record Peer(int exitCode, double wallSeconds, double cpuSeconds, long maxRssKb, Map<String, Double> timings) {

	private static final Pattern TIMING = Pattern.compile("([A-Za-z_][A-Za-z0-9_()+]*)=([0-9.]+)");

	private static final String MARK = "PEER_RESOURCES";

	static Peer run(List<String> command) throws IOException, InterruptedException {
		List<String> full = new ArrayList<>(List.of("/usr/bin/time", "-f",
				MARK + " wall=%e user=%U sys=%S maxrss_kb=%M"));
		full.addAll(command);
		System.out.println("  $ " + String.join(" ", command));
		Process process = new ProcessBuilder(full).redirectErrorStream(true).start();
		Map<String, Double> timings = new TreeMap<>();
		double wall = Double.NaN;
		double cpu = 0;
		long rss = -1;
		try (BufferedReader out = new BufferedReader(
				new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
			for (String line = out.readLine(); line != null; line = out.readLine()) {
				if (line.startsWith(MARK)) {
					Matcher m = TIMING.matcher(line);
					while (m.find()) {
						switch (m.group(1)) {
							case "wall" -> wall = Double.parseDouble(m.group(2));
							case "user", "sys" -> cpu += Double.parseDouble(m.group(2));
							case "maxrss_kb" -> rss = Long.parseLong(m.group(2));
							default -> {
							}
						}
					}
					continue;
				}
				System.out.println("  | " + line);
				if (line.contains("timing_seconds") || line.startsWith("total_compute_seconds")) {
					Matcher m = TIMING.matcher(line);
					while (m.find()) {
						timings.put(m.group(1), Double.parseDouble(m.group(2)));
					}
				}
			}
		}
		int code = process.waitFor();
		return new Peer(code, wall, cpu, rss, timings);
	}

	double timing(String key) {
		Double v = timings.get(key);
		if (v == null) {
			throw new IllegalStateException("peer printed no timing " + key + "; got " + timings.keySet());
		}
		return v;
	}
}
