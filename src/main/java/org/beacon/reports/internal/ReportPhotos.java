package org.beacon.reports.internal;

import java.util.Optional;

import org.beacon.identity.AuditTrail;
import org.beacon.tips.CleanedPhoto;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The photo a resident sent with a web report: stored in the same transaction as the report, so a report and
 * its photo are kept together or not at all. Staff see the cleaned copy; the sealed original is read only by the
 * caller's say-so (supervisors and administrators) and every read is audited. Nothing here is ever public.
 */
@Service
public class ReportPhotos {

	private final JdbcClient jdbc;
	private final ServiceRequestService requests;
	private final ObjectProvider<AuditTrail> audit;

	ReportPhotos(JdbcClient jdbc, ServiceRequestService requests, ObjectProvider<AuditTrail> audit) {
		this.jdbc = jdbc;
		this.requests = requests;
		this.audit = audit;
	}

	/** What staff see of a report's photo, without its bytes. */
	public record Photo(String contentType, int width, int height, String sha256, String originalContentType,
			int originalBytes, String originalSha256) {
	}

	/** Bytes to serve, with their type and SHA-256 (hex). */
	public record Image(String contentType, byte[] bytes, String sha256) {
	}

	/** Files the report and, when given, its photo (cleaned copy and sealed original) in one transaction. */
	@Transactional
	public ServiceRequestService.Submitted submit(NewRequest request, boolean wantsReceipt, CleanedPhoto photo,
			byte[] original) {
		ServiceRequestService.Submitted submitted = requests.submit(request, wantsReceipt);
		if (photo != null) {
			StoredRequest r = submitted.request();
			jdbc.sql("""
					INSERT INTO service_request_photo (agency_id, request_id, content_type, width, height, cleaned,
					       cleaned_sha256, original_content_type, original_size_bytes, original_sha256, original)
					VALUES (:agency, :request, :type, :width, :height, :cleaned, :sha, :originalType, :size,
					       :originalSha, :original)
					""").param("agency", r.agency().value()).param("request", r.id()).param("type", photo.contentType())
					.param("width", photo.width()).param("height", photo.height()).param("cleaned", photo.bytes())
					.param("sha", photo.sha256()).param("originalType", photo.originalContentType())
					.param("size", original.length).param("originalSha", photo.originalSha256()).param("original", original)
					.update();
		}
		return submitted;
	}

	public Optional<Photo> of(StoredRequest r) {
		return jdbc.sql("""
				SELECT content_type, width, height, cleaned_sha256, original_content_type, original_size_bytes,
				       original_sha256
				FROM service_request_photo WHERE agency_id = :agency AND request_id = :request
				""").param("agency", r.agency().value()).param("request", r.id())
				.query((rs, n) -> new Photo(rs.getString(1), rs.getInt(2), rs.getInt(3), rs.getString(4), rs.getString(5),
						rs.getInt(6), rs.getString(7)))
				.optional();
	}

	/** The cleaned copy: metadata removed, safe for any staff reader. */
	public Optional<Image> cleaned(StoredRequest r) {
		return jdbc.sql("""
				SELECT content_type, cleaned, cleaned_sha256 FROM service_request_photo
				WHERE agency_id = :agency AND request_id = :request
				""").param("agency", r.agency().value()).param("request", r.id())
				.query((rs, n) -> new Image(rs.getString(1), rs.getBytes(2), rs.getString(3))).optional();
	}

	/** The sealed original as uploaded (metadata and all); audited as {@code reports.photo.original.read}. */
	@Transactional
	public Optional<Image> sealedOriginal(StoredRequest r) {
		Optional<Image> found = jdbc.sql("""
				SELECT original_content_type, original, original_sha256 FROM service_request_photo
				WHERE agency_id = :agency AND request_id = :request
				""").param("agency", r.agency().value()).param("request", r.id())
				.query((rs, n) -> new Image(rs.getString(1), rs.getBytes(2), rs.getString(3))).optional();
		audit.ifAvailable(trail -> trail.record("reports.photo.original.read", "service_request:" + r.publicId(),
				found.isPresent() ? "success" : "failure"));
		return found;
	}
}
