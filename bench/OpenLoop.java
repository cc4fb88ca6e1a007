import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * An open-loop HTTP load generator: sends GET requests at a fixed rate, whatever the server's answers, and reports
 * latency percentiles measured from the moment each request was due to be sent (so a slow answer that delays the
 * next one is counted, not hidden: no coordinated omission). Exact percentiles over all samples, no histogram
 * buckets. Only the JDK is needed:
 *
 * <pre>
 * java bench/OpenLoop.java --rate 100 --duration 60 --warmup 15 --header "Accept-Encoding: gzip" URL [URL...]
 * </pre>
 *
 * Several URLs are taken in turn. Anything but 200 counts as an error and is reported.
 */
public class OpenLoop {

	public static void main(String[] args) throws Exception {
		double rate = 100;
		int duration = 60;
		int warmup = 10;
		List<String[]> headers = new ArrayList<>();
		List<URI> urls = new ArrayList<>();
		for (int i = 0; i < args.length; i++) {
			switch (args[i]) {
				case "--rate" -> rate = Double.parseDouble(args[++i]);
				case "--duration" -> duration = Integer.parseInt(args[++i]);
				case "--warmup" -> warmup = Integer.parseInt(args[++i]);
				case "--header" -> headers.add(args[++i].split(":\\s*", 2));
				default -> urls.add(URI.create(args[i]));
			}
		}
		if (urls.isEmpty()) {
			System.err.println("usage: java OpenLoop.java [--rate R] [--duration S] [--warmup S] [--header 'N: V'] URL...");
			System.exit(2);
		}
		HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
				.executor(Executors.newFixedThreadPool(4)).connectTimeout(Duration.ofSeconds(5)).build();
		List<HttpRequest> requests = new ArrayList<>();
		for (URI url : urls) {
			HttpRequest.Builder b = HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(30)).GET();
			headers.forEach(h -> b.header(h[0], h[1]));
			requests.add(b.build());
		}
		if (warmup > 0) {
			run(client, requests, rate, warmup);
		}
		Result r = run(client, requests, rate, duration);
		long[] l = r.latencies;
		Arrays.sort(l);
		System.out.printf(Locale.ROOT,
				"requests=%d errors=%d rate=%.1f/s p50=%.1fms p90=%.1fms p99=%.1fms p99.9=%.1fms max=%.1fms mean=%.1fms%n",
				l.length, r.errors, l.length / (double) duration, ms(pct(l, 50)), ms(pct(l, 90)), ms(pct(l, 99)),
				ms(pct(l, 99.9)), ms(l.length == 0 ? 0 : l[l.length - 1]), ms((long) Arrays.stream(l).average().orElse(0)));
		System.exit(r.errors == 0 ? 0 : 1);
	}

	record Result(long[] latencies, int errors) {
	}

	static Result run(HttpClient client, List<HttpRequest> requests, double rate, int seconds) throws Exception {
		int n = (int) Math.round(rate * seconds);
		long interval = (long) (1e9 / rate);
		long[] latencies = new long[n];
		AtomicInteger errors = new AtomicInteger();
		CompletableFuture<?>[] pending = new CompletableFuture<?>[n];
		long start = System.nanoTime() + 50_000_000L;
		for (int i = 0; i < n; i++) {
			long due = start + i * interval;
			long wait;
			while ((wait = due - System.nanoTime()) > 0) {
				// parking, not spinning: the generator must not take the CPU the server under test needs
				LockSupport.parkNanos(wait);
			}
			int index = i;
			pending[i] = client.sendAsync(requests.get(i % requests.size()), HttpResponse.BodyHandlers.discarding())
					.handle((response, failure) -> {
						latencies[index] = System.nanoTime() - due;
						if (failure != null || response.statusCode() != 200) {
							if (errors.incrementAndGet() <= 3) {
								System.err.println(failure != null ? failure.toString() : "status " + response.statusCode());
							}
						}
						return null;
					});
		}
		CompletableFuture.allOf(pending).get();
		return new Result(latencies, errors.get());
	}

	static long pct(long[] sorted, double p) {
		if (sorted.length == 0) {
			return 0;
		}
		int rank = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
		return sorted[Math.max(0, Math.min(sorted.length - 1, rank))];
	}

	static double ms(long nanos) {
		return nanos / 1e6;
	}
}
