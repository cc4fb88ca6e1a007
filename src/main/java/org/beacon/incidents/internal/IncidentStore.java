package org.beacon.incidents.internal;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import javax.sql.DataSource;

import org.beacon.shared.AgencyId;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.stereotype.Repository;

/**
 * Writes incidents and reversals in batches. Plain JDBC batches rather than JdbcClient here: this is the
 * one hot path of the import, and a prepared multi-row INSERT is several times faster than a row at a time.
 * Every statement is portable between H2 and PostgreSQL except the lookup of a batch's existing keys (see
 * {@link #existing}).
 */
@Repository
class IncidentStore {

	/** Rows per multi-row INSERT: 25 parameters each stays far below PostgreSQL's 32,767 per statement. */
	static final int ROWS_PER_INSERT = 200;

	private static final String INCIDENT_COLUMNS = """
			agency_id, source, source_id, match_key, occurred_at, occurred_local, occurred_month, reported_at,
			offense_code, description, category, ucr_part, block_address, lat, lon, neighbourhood_id, district_id,
			beat_id, district_code, h3_cell, unfounded, reversed, row_hash, created_at, updated_at""";
	private static final int INCIDENT_PARAMETERS = 25;
	private static final String COPY_COLUMNS = INCIDENT_COLUMNS.replace(", created_at, updated_at", "");
	private static final int COPY_FIELDS = INCIDENT_PARAMETERS - 2;

	private final JdbcTemplate jdbc;
	private final boolean postgres;
	private final Map<Integer, String> insertSql = new ConcurrentHashMap<>();

	IncidentStore(DataSource dataSource) {
		this.jdbc = new JdbcTemplate(dataSource);
		this.postgres = isPostgres(dataSource);
	}

	/** A stored row's id and content hash. */
	record Existing(long id, long rowHash) {
	}

	/** Whether the source has any incident or reversal yet; if not, a batch need not look its keys up. */
	boolean isEmpty(AgencyId agency, String source) {
		return jdbc.query("""
				SELECT 1 FROM incident WHERE agency_id = ? AND source = ?
				UNION ALL SELECT 1 FROM incident_reversal WHERE agency_id = ? AND source = ?
				FETCH FIRST 1 ROWS ONLY""", rs -> !rs.next(), agency.value(), source, agency.value(), source);
	}

	/**
	 * The stored rows among {@code sourceIds}. PostgreSQL probes its unique index with {@code = ANY(array)};
	 * H2 does not use an index for that, but does for a join with the unnested array.
	 */
	Map<String, Existing> existing(String table, AgencyId agency, String source, List<String> sourceIds) {
		Map<String, Existing> existing = new HashMap<>();
		if (sourceIds.isEmpty()) {
			return existing;
		}
		String sql = postgres ? """
				SELECT source_id, id, row_hash FROM %s
				WHERE agency_id = ? AND source = ? AND source_id = ANY(?)""".formatted(table) : """
				SELECT t.source_id, t.id, t.row_hash FROM UNNEST(CAST(? AS VARCHAR ARRAY)) u(k)
				JOIN %s t ON t.agency_id = ? AND t.source = ? AND t.source_id = u.k""".formatted(table);
		Object[] keys = sourceIds.toArray(String[]::new);
		Object[] args = postgres ? new Object[] { agency.value(), source, keys } : new Object[] { keys, agency.value(), source };
		jdbc.query(sql, rs -> {
			existing.put(rs.getString(1), new Existing(rs.getLong(2), rs.getLong(3)));
		}, args);
		return existing;
	}

	/** @param copyRows the rows as {@link #copyRows}, when made ahead; null to make them here */
	void insertIncidents(AgencyId agency, String source, List<ParsedRow> rows, CopyBinary copyRows, Instant now) {
		if (rows.isEmpty()) {
			return;
		}
		if (copies()) {
			copyIncidents(copyRows != null ? copyRows : copyRows(agency, source, rows));
			return;
		}
		OffsetDateTime stamp = now.atOffset(ZoneOffset.UTC);
		for (int from = 0; from < rows.size(); from += ROWS_PER_INSERT) {
			List<ParsedRow> chunk = rows.subList(from, Math.min(rows.size(), from + ROWS_PER_INSERT));
			jdbc.update(insertSql.computeIfAbsent(chunk.size(), IncidentStore::multiRowInsert), ps -> {
				int p = 1;
				for (ParsedRow row : chunk) {
					ps.setLong(p++, agency.value());
					ps.setString(p++, source);
					ps.setString(p++, row.sourceId());
					p = setContent(ps, p, row);
					ps.setBoolean(p++, false);
					ps.setLong(p++, row.rowHash());
					ps.setObject(p++, stamp);
					ps.setObject(p++, stamp);
				}
			});
		}
	}

	/** Whether new incidents go in by COPY; then {@link #copyRows} can be made ahead, off the writing thread. */
	boolean copies() {
		return postgres && PostgresCopy.available();
	}

	/**
	 * The rows as input for {@code COPY incident (COPY_COLUMNS) FROM STDIN (FORMAT binary)}, in the order of
	 * {@code COPY_COLUMNS}; created and updated stamps come from the column defaults (the transaction's
	 * time). Pure byte work, so the reader thread can do it while the previous batch is written.
	 */
	static CopyBinary copyRows(AgencyId agency, String source, List<ParsedRow> rows) {
		CopyBinary copy = new CopyBinary(rows.size() * 240);
		for (ParsedRow row : rows) {
			copy.row(COPY_FIELDS).int8(agency.value()).text(source).text(row.sourceId()).text(row.matchKey())
					.timestamptz(row.occurredAt()).date(row.occurredLocal()).int4Value(row.occurredMonth())
					.timestamptz(row.reportedAt()).text(row.offenseCode()).text(row.description())
					.text(row.category().name()).int2Value(row.category().ucrPart()).text(row.blockAddress())
					.float8OrNull(row.lat()).float8OrNull(row.lon()).int8OrNull(row.neighbourhoodId())
					.int8OrNull(row.districtId()).int8OrNull(row.beatId()).text(row.districtCode()).int8OrNull(row.h3Cell()).bool(row.unfounded()).bool(false)
					.int8(row.rowHash());
		}
		return copy;
	}

	/**
	 * PostgreSQL's binary COPY is several times faster than multi-row INSERTs for new rows (measured on the
	 * St. Louis file, see docs/benchmarks.md); it runs on the transaction's connection, so the batch stays
	 * one transaction.
	 */
	private void copyIncidents(CopyBinary rows) {
		jdbc.execute((java.sql.Connection connection) -> PostgresCopy.copyIn(connection,
				"COPY incident (" + COPY_COLUMNS + ") FROM STDIN (FORMAT binary)", rows.finish()));
	}

	void updateIncidents(List<Existing> stored, List<ParsedRow> rows, Instant now) {
		if (rows.isEmpty()) {
			return;
		}
		OffsetDateTime stamp = now.atOffset(ZoneOffset.UTC);
		Map<ParsedRow, Long> ids = new java.util.IdentityHashMap<>();
		for (int i = 0; i < rows.size(); i++) {
			ids.put(rows.get(i), stored.get(i).id());
		}
		// an incident reversed as unfounded stays unfounded whatever its own row says
		jdbc.batchUpdate("""
				UPDATE incident SET match_key = ?, occurred_at = ?, occurred_local = ?, occurred_month = ?,
				reported_at = ?, offense_code = ?, description = ?, category = ?, ucr_part = ?, block_address = ?,
				lat = ?, lon = ?, neighbourhood_id = ?, district_id = ?, beat_id = ?, district_code = ?, h3_cell = ?,
				unfounded = CASE WHEN reversed THEN (unfounded OR ?) ELSE ? END, row_hash = ?, updated_at = ?
				WHERE id = ?""", rows, rows.size(), (ps, row) -> {
			int p = setContent(ps, 1, row);
			ps.setBoolean(p++, row.unfounded());
			ps.setLong(p++, row.rowHash());
			ps.setObject(p++, stamp);
			ps.setLong(p, ids.get(row));
		});
	}

	void insertReversals(AgencyId agency, String source, List<ParsedRow> rows, Instant now) {
		OffsetDateTime stamp = now.atOffset(ZoneOffset.UTC);
		jdbc.batchUpdate("""
				INSERT INTO incident_reversal (agency_id, source, source_id, match_key, fallback_key, unfounded,
				reported_at, row_hash, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", rows,
				ROWS_PER_INSERT, (ps, row) -> {
					ps.setLong(1, agency.value());
					ps.setString(2, source);
					ps.setString(3, row.sourceId());
					ps.setString(4, row.matchKey());
					ps.setString(5, row.fallbackKey());
					ps.setBoolean(6, row.unfounded());
					setInstant(ps, 7, row.reportedAt());
					ps.setLong(8, row.rowHash());
					ps.setObject(9, stamp);
					ps.setObject(10, stamp);
				});
	}

	void updateReversals(List<Existing> stored, List<ParsedRow> rows, Instant now) {
		OffsetDateTime stamp = now.atOffset(ZoneOffset.UTC);
		List<Object[]> args = new ArrayList<>();
		for (int i = 0; i < rows.size(); i++) {
			ParsedRow row = rows.get(i);
			args.add(new Object[] { row.matchKey(), row.fallbackKey(), row.unfounded(),
					row.reportedAt() == null ? null : row.reportedAt().atOffset(ZoneOffset.UTC), row.rowHash(), stamp,
					stored.get(i).id() });
		}
		jdbc.batchUpdate("""
				UPDATE incident_reversal SET match_key = ?, fallback_key = ?, unfounded = ?, reported_at = ?,
				row_hash = ?, updated_at = ? WHERE id = ?""", args);
	}

	/** A reversal waiting for its original. */
	record Pending(long id, String matchKey, String fallbackKey, boolean unfounded) {
	}

	/** The source's reversals still waiting for their original, oldest first. */
	List<Pending> pending(AgencyId agency, String source) {
		return jdbc.query("""
				SELECT id, match_key, fallback_key, unfounded FROM incident_reversal
				WHERE agency_id = ? AND source = ? AND incident_id IS NULL
				ORDER BY reported_at, id""", (rs, n) -> new Pending(rs.getLong(1), rs.getString(2), rs.getString(3),
				rs.getBoolean(4)), agency.value(), source);
	}

	/** An incident not yet reversed that a reversal could take. */
	record Candidate(long id, String matchKey) {
	}

	/**
	 * Unreversed incidents with one of the keys, earliest reported first. PostgreSQL hashes the keys and scans
	 * the source once. H2 has no hash join and would compare every row with every key, so there the source's
	 * unreversed incidents are streamed past a hash set here instead.
	 */
	List<Candidate> candidates(AgencyId agency, String source, Set<String> keys) {
		if (postgres) {
			return jdbc.query("""
					SELECT id, match_key FROM incident
					WHERE agency_id = ? AND source = ? AND reversed = FALSE AND match_key = ANY(?)
					ORDER BY reported_at, occurred_at, id""", (rs, n) -> new Candidate(rs.getLong(1), rs.getString(2)),
					agency.value(), source, keys.toArray(String[]::new));
		}
		record Found(Candidate candidate, OffsetDateTime reported, OffsetDateTime occurred) {
		}
		List<Found> found = new ArrayList<>();
		jdbc.query("""
				SELECT id, match_key, reported_at, occurred_at FROM incident
				WHERE agency_id = ? AND source = ? AND reversed = FALSE AND match_key IS NOT NULL""", rs -> {
			String key = rs.getString(2);
			if (keys.contains(key)) {
				found.add(new Found(new Candidate(rs.getLong(1), key), rs.getObject(3, OffsetDateTime.class),
						rs.getObject(4, OffsetDateTime.class)));
			}
		}, agency.value(), source);
		found.sort(java.util.Comparator.comparing(Found::reported, java.util.Comparator.nullsLast(
				java.util.Comparator.<OffsetDateTime>naturalOrder())).thenComparing(Found::occurred)
				.thenComparingLong(f -> f.candidate().id()));
		return found.stream().map(Found::candidate).toList();
	}

	/**
	 * Marks each incident reversed (and unfounded when its reversal says so) and links the reversal to it.
	 * Only an incident not yet reversed and a reversal not yet linked change; if another import paired one of
	 * them meanwhile, nothing of this pass may stay, so it throws and the caller runs the pass again.
	 */
	void applyReversals(List<Pending> reversals, List<Candidate> originals, Instant now) {
		if (reversals.isEmpty()) {
			return;
		}
		OffsetDateTime stamp = now.atOffset(ZoneOffset.UTC);
		boolean allApplied = postgres ? applyReversalsAtOnce(reversals, originals, stamp)
				: applyReversalsInBatches(reversals, originals, stamp);
		if (!allApplied) {
			throw new org.springframework.dao.ConcurrencyFailureException(
					"another import paired some of these reversals meanwhile");
		}
	}

	/** PostgreSQL: one UPDATE per table for all pairs, joined with the pairs as arrays. */
	private boolean applyReversalsAtOnce(List<Pending> reversals, List<Candidate> originals, OffsetDateTime stamp) {
		int n = reversals.size();
		long[] incidentIds = new long[n];
		long[] reversalIds = new long[n];
		boolean[] unfounded = new boolean[n];
		for (int i = 0; i < n; i++) {
			incidentIds[i] = originals.get(i).id();
			reversalIds[i] = reversals.get(i).id();
			unfounded[i] = reversals.get(i).unfounded();
		}
		int marked = jdbc.update("""
				UPDATE incident i SET reversed = TRUE, unfounded = (i.unfounded OR p.unfounded), updated_at = ?
				FROM UNNEST(?::bigint[], ?::boolean[]) AS p(id, unfounded)
				WHERE i.id = p.id AND i.reversed = FALSE""", stamp, incidentIds, unfounded);
		int linked = jdbc.update("""
				UPDATE incident_reversal r SET incident_id = p.incident_id, updated_at = ?
				FROM UNNEST(?::bigint[], ?::bigint[]) AS p(id, incident_id)
				WHERE r.id = p.id AND r.incident_id IS NULL""", stamp, reversalIds, incidentIds);
		return marked == n && linked == n;
	}

	private boolean applyReversalsInBatches(List<Pending> reversals, List<Candidate> originals,
			OffsetDateTime stamp) {
		List<Object[]> incidents = new ArrayList<>();
		List<Object[]> links = new ArrayList<>();
		for (int i = 0; i < reversals.size(); i++) {
			incidents.add(new Object[] { reversals.get(i).unfounded(), stamp, originals.get(i).id() });
			links.add(new Object[] { originals.get(i).id(), stamp, reversals.get(i).id() });
		}
		int[] marked = jdbc.batchUpdate("""
				UPDATE incident SET reversed = TRUE, unfounded = (unfounded OR ?), updated_at = ?
				WHERE id = ? AND reversed = FALSE""", incidents);
		int[] linked = jdbc.batchUpdate("""
				UPDATE incident_reversal SET incident_id = ?, updated_at = ? WHERE id = ? AND incident_id IS NULL""",
				links);
		return java.util.stream.IntStream.concat(java.util.Arrays.stream(marked), java.util.Arrays.stream(linked))
				.noneMatch(count -> count == 0);
	}

	/**
	 * Refreshes H2's statistics after a large import, so its later key lookups join through the unique index.
	 * PostgreSQL needs none: its planner scales the last statistics by the table's current size, and the
	 * lookups' leading column is the key's first, so they take the index even on a table never analyzed
	 * (autovacuum analyzes it soon after anyway); skipping it saves about half a second per million rows.
	 */
	void analyze() {
		if (!postgres) {
			jdbc.execute("ANALYZE TABLE incident");
			jdbc.execute("ANALYZE TABLE incident_reversal");
		}
	}

	/**
	 * Lets the current transaction commit without waiting for its WAL to reach the disk (PostgreSQL's
	 * {@code synchronous_commit = off}, this transaction only). A crash of the server may then lose the last
	 * few batches, never part of one, and an import whose run did not finish is repaired by running it again;
	 * the run's final commit waits as usual and, WAL being written in order, makes every batch before it
	 * durable. A no-op on H2.
	 */
	void commitWithoutWaitingForDisk() {
		if (postgres) {
			jdbc.execute("SET LOCAL synchronous_commit = off");
		}
	}

	private static int setContent(PreparedStatement ps, int p, ParsedRow row) throws SQLException {
		ps.setString(p++, row.matchKey());
		setInstant(ps, p++, row.occurredAt());
		ps.setObject(p++, row.occurredLocal());
		ps.setInt(p++, row.occurredMonth());
		setInstant(ps, p++, row.reportedAt());
		ps.setString(p++, row.offenseCode());
		ps.setString(p++, row.description());
		ps.setString(p++, row.category().name());
		ps.setInt(p++, row.category().ucrPart());
		ps.setString(p++, row.blockAddress());
		setDouble(ps, p++, row.lat());
		setDouble(ps, p++, row.lon());
		setLong(ps, p++, row.neighbourhoodId());
		setLong(ps, p++, row.districtId());
		setLong(ps, p++, row.beatId());
		ps.setString(p++, row.districtCode());
		setLong(ps, p++, row.h3Cell());
		ps.setBoolean(p++, row.unfounded());
		return p;
	}

	private static void setInstant(PreparedStatement ps, int p, Instant instant) throws SQLException {
		if (instant == null) {
			ps.setNull(p, Types.TIMESTAMP_WITH_TIMEZONE);
		}
		else {
			ps.setObject(p, instant.atOffset(ZoneOffset.UTC));
		}
	}

	private static void setDouble(PreparedStatement ps, int p, double value) throws SQLException {
		if (Double.isNaN(value)) {
			ps.setNull(p, Types.DOUBLE);
		}
		else {
			ps.setDouble(p, value);
		}
	}

	/** 0 is "none" for area ids and H3 cells (H3 never issues index 0). */
	private static void setLong(PreparedStatement ps, int p, long value) throws SQLException {
		if (value == 0) {
			ps.setNull(p, Types.BIGINT);
		}
		else {
			ps.setLong(p, value);
		}
	}

	private static String multiRowInsert(int rows) {
		String values = "(" + "?, ".repeat(INCIDENT_PARAMETERS - 1) + "?)";
		StringBuilder sql = new StringBuilder("INSERT INTO incident (").append(INCIDENT_COLUMNS).append(") VALUES ");
		for (int i = 0; i < rows; i++) {
			sql.append(i == 0 ? "" : ", ").append(values);
		}
		return sql.toString();
	}

	private static boolean isPostgres(DataSource dataSource) {
		try {
			String product = JdbcUtils.extractDatabaseMetaData(dataSource,
					metaData -> metaData.getDatabaseProductName());
			return product != null && product.toLowerCase(java.util.Locale.ROOT).contains("postgres");
		}
		catch (org.springframework.jdbc.support.MetaDataAccessException e) {
			throw new IllegalStateException("cannot tell which database this is", e);
		}
	}
}

