package org.beacon.analytics.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;

import org.locationtech.proj4j.CRSFactory;
import org.locationtech.proj4j.CoordinateTransform;
import org.locationtech.proj4j.CoordinateTransformFactory;
import org.locationtech.proj4j.ProjCoordinate;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.NamedCsvRecord;

/** Reading and exporting the benchmark inputs: St. Louis incidents and the synthetic peer data. */
final class BenchInputs {

	/**
	 * Box around the City of St. Louis (WGS 84 degrees). It drops stray geocodes up to 30 km away, which
	 * would otherwise multiply the grid by four; the bench prints how many rows it dropped.
	 */
	static final double STL_MIN_LAT = 38.53;

	static final double STL_MAX_LAT = 38.78;

	static final double STL_MIN_LON = -90.33;

	static final double STL_MAX_LON = -90.16;

	record Points(double[] x, double[] y, int[] day, int read, int dropped) {
	}

	private BenchInputs() {
	}

	/** St. Louis harmonized CSV: Latitude/Longitude inside the city box, projected to UTM 15N metres. */
	static Points stLouis(Path gz) throws IOException {
		CRSFactory crs = new CRSFactory();
		CoordinateTransform toUtm = new CoordinateTransformFactory().createTransform(
				crs.createFromParameters("WGS84", "+proj=longlat +datum=WGS84 +no_defs"),
				crs.createFromParameters("UTM15N", "+proj=utm +zone=15 +datum=WGS84 +units=m +no_defs"));
		double[] x = new double[1 << 20];
		double[] y = new double[1 << 20];
		int n = 0;
		int read = 0;
		int dropped = 0;
		ProjCoordinate in = new ProjCoordinate();
		ProjCoordinate out = new ProjCoordinate();
		try (InputStream raw = Files.newInputStream(gz);
				CsvReader<NamedCsvRecord> csv = CsvReader.builder()
					.ofNamedCsvRecord(new InputStreamReader(new GZIPInputStream(raw, 1 << 16), StandardCharsets.UTF_8))) {
			for (NamedCsvRecord row : csv) {
				read++;
				String lat = row.getField("Latitude");
				String lon = row.getField("Longitude");
				if (lat.isEmpty() || lon.isEmpty()) {
					continue;
				}
				double la = Double.parseDouble(lat);
				double lo = Double.parseDouble(lon);
				if (la < STL_MIN_LAT || la > STL_MAX_LAT || lo < STL_MIN_LON || lo > STL_MAX_LON) {
					dropped++;
					continue;
				}
				in.x = lo;
				in.y = la;
				toUtm.transform(in, out);
				if (n == x.length) {
					x = Arrays.copyOf(x, 2 * n);
					y = Arrays.copyOf(y, 2 * n);
				}
				x[n] = out.x;
				y[n] = out.y;
				n++;
			}
		}
		return new Points(Arrays.copyOf(x, n), Arrays.copyOf(y, n), null, read, dropped);
	}

	/** Synthetic peer data ({@code gen_synth.py}): x, y and floored days, optionally one type only. */
	static Points synthetic(Path csvFile, String type) throws IOException {
		double[] x = new double[1 << 20];
		double[] y = new double[1 << 20];
		int[] day = new int[1 << 20];
		int n = 0;
		int read = 0;
		try (CsvReader<NamedCsvRecord> csv = CsvReader.builder().ofNamedCsvRecord(csvFile)) {
			for (NamedCsvRecord row : csv) {
				read++;
				if (type != null && !type.equals(row.getField("type"))) {
					continue;
				}
				if (n == x.length) {
					x = Arrays.copyOf(x, 2 * n);
					y = Arrays.copyOf(y, 2 * n);
					day = Arrays.copyOf(day, 2 * n);
				}
				x[n] = Double.parseDouble(row.getField("x"));
				y[n] = Double.parseDouble(row.getField("y"));
				day[n] = (int) Math.floor(Double.parseDouble(row.getField("t")));
				n++;
			}
		}
		return new Points(Arrays.copyOf(x, n), Arrays.copyOf(y, n), Arrays.copyOf(day, n), read, read - n);
	}

	/** Writes x,y with round-trip precision, so the peer bins exactly the same coordinates. */
	static void writeXy(Path file, double[] x, double[] y) throws IOException {
		try (BufferedWriter out = Files.newBufferedWriter(file)) {
			out.write("x,y\n");
			for (int i = 0; i < x.length; i++) {
				out.write(Double.toString(x[i]));
				out.write(',');
				out.write(Double.toString(y[i]));
				out.write('\n');
			}
		}
	}

	/** One numeric column of a peer's CSV output. */
	static double[] column(Path file, String name) throws IOException {
		double[] values = new double[1 << 16];
		int n = 0;
		try (CsvReader<NamedCsvRecord> csv = CsvReader.builder().ofNamedCsvRecord(file)) {
			for (NamedCsvRecord row : csv) {
				if (n == values.length) {
					values = Arrays.copyOf(values, 2 * n);
				}
				String v = row.getField(name);
				values[n++] = v.isEmpty() || v.equals("NA") ? Double.NaN : Double.parseDouble(v);
			}
		}
		return Arrays.copyOf(values, n);
	}
}
