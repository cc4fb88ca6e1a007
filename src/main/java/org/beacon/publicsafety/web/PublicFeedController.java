package org.beacon.publicsafety.web;

import java.io.StringWriter;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import org.beacon.disclosure.PublicDisclosure;
import org.beacon.disclosure.PublicIncident;
import org.beacon.disclosure.PublicNotice;
import org.beacon.incidents.OffenseCategory;
import org.beacon.publicsafety.internal.CommunityNotices;
import org.beacon.publicsafety.internal.PublicIncidents;
import org.beacon.publicsafety.internal.PublicIncidents.Query;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * {@code /public/incidents.atom}: "an Atom feed of recent public incidents and community notices". The incidents
 * are the shown ones of the last 7 days of data (as the map shows them, small groups withheld); the notices are
 * the current community notices ({@link CommunityNotices}), with the same entry ids as
 * {@code /public/notices.atom}, which stays for readers who want the notices alone.
 */
@Controller
class PublicFeedController {

	static final MediaType ATOM = MediaType.parseMediaType("application/atom+xml;charset=UTF-8");

	/** The last 7 days of data, at most this many incident entries. */
	static final int FEED_LIMIT = 200;

	private final PublicIncidents incidents;
	private final CommunityNotices notices;
	private final PublicDisclosure disclosure;

	PublicFeedController(PublicIncidents incidents, CommunityNotices notices, PublicDisclosure disclosure) {
		this.incidents = incidents;
		this.notices = notices;
		this.disclosure = disclosure;
	}

	@GetMapping("/public/incidents.atom")
	ResponseEntity<String> atom(@RequestParam(name = "category", required = false) Set<OffenseCategory> categories)
			throws XMLStreamException {
		LocalDate latest = incidents.latestDate().orElse(LocalDate.now(incidents.agency().timeZone()));
		Query query = incidents.normalise(latest.minusDays(6), latest, categories);
		List<PublicIncident> newest = incidents.window(query).newest();
		List<PublicIncident> recent = newest.subList(0, Math.min(FEED_LIMIT, newest.size()));
		List<CommunityNotices.Shown> current = notices.current(incidents.agency().id());
		Instant updated = latest.atStartOfDay(ZoneOffset.UTC).toInstant();
		if (!current.isEmpty() && current.get(0).publishedAt().isAfter(updated)) {
			updated = current.get(0).publishedAt();
		}
		String self = ServletUriComponentsBuilder.fromCurrentRequest().build().toUriString();
		String base = ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString();
		StringWriter text = new StringWriter();
		XMLStreamWriter xml = XMLOutputFactory.newInstance().createXMLStreamWriter(text);
		xml.writeStartDocument("UTF-8", "1.0");
		xml.writeStartElement("feed");
		xml.writeDefaultNamespace("http://www.w3.org/2005/Atom");
		element(xml, "title", "Recent incidents and community notices · " + incidents.agency().name());
		element(xml, "subtitle", "Public incidents of the last 7 days of data, generalised to the block, and the "
				+ "current community notices. " + PublicRules.all(disclosure));
		element(xml, "id", "tag:beacon," + LocalDate.now(ZoneOffset.UTC).getYear() + ":public-incidents:"
				+ incidents.agency().code());
		element(xml, "updated", DateTimeFormatter.ISO_INSTANT.format(updated.truncatedTo(ChronoUnit.SECONDS)));
		link(xml, "self", self);
		link(xml, "alternate", base + "/public/map");
		for (CommunityNotices.Shown n : current) {
			noticeEntry(xml, base, n);
		}
		// an entry's id is its date, category, block and its rank among identical ones that day: stable across
		// refreshes, and no record id is published
		Map<String, Integer> seen = new java.util.HashMap<>();
		for (PublicIncident p : recent) {
			String key = p.date() + ":" + p.category().name() + ":" + (p.block() == null ? "" : p.block());
			int rank = seen.merge(key, 1, Integer::sum);
			xml.writeStartElement("entry");
			String title = p.category().label() + (p.block() == null ? "" : ", " + p.block());
			element(xml, "title", title);
			element(xml, "id", "tag:beacon," + p.date() + ":public-incident:" + java.util.HexFormat.of()
					.formatHex(sha256(key)).substring(0, 16) + ":" + rank);
			element(xml, "updated", p.date().atStartOfDay(ZoneOffset.UTC).format(DateTimeFormatter.ISO_INSTANT));
			link(xml, "alternate", base + "/public/map?from=" + p.date() + "&to=" + p.date());
			element(xml, "summary", title + " on " + p.date()
					+ (p.neighbourhood() == null ? "" : " in " + p.neighbourhood()) + ".");
			xml.writeEndElement();
		}
		xml.writeEndElement();
		xml.writeEndDocument();
		return ResponseEntity.ok().contentType(ATOM).body(text.toString());
	}

	/** The same entry (same id) as on {@code /public/notices.atom}, so a reader following both sees it once. */
	private void noticeEntry(XMLStreamWriter xml, String base, CommunityNotices.Shown n) throws XMLStreamException {
		PublicNotice notice = n.notice();
		String when = DateTimeFormatter.ISO_INSTANT.format(n.publishedAt().truncatedTo(ChronoUnit.SECONDS));
		xml.writeStartElement("entry");
		element(xml, "id", "urn:beacon:" + incidents.agency().code() + ":overdose-notice:" + n.id());
		element(xml, "title", notice.title());
		element(xml, "updated", when);
		element(xml, "published", when);
		link(xml, "alternate", base + "/public/notices/" + n.id());
		xml.writeStartElement("category");
		xml.writeAttribute("term", "community-notice");
		xml.writeAttribute("label", "Community notice · " + notice.areaName());
		xml.writeEndElement();
		xml.writeStartElement("content");
		xml.writeAttribute("type", "text");
		xml.writeCharacters((notice.countText() == null ? "" : notice.countText() + "\n\n") + notice.body());
		xml.writeEndElement();
		xml.writeEndElement();
	}

	private static byte[] sha256(String s) {
		try {
			return java.security.MessageDigest.getInstance("SHA-256").digest(s.getBytes(java.nio.charset.StandardCharsets.UTF_8));
		}
		catch (java.security.NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}

	private static void element(XMLStreamWriter xml, String name, String text) throws XMLStreamException {
		xml.writeStartElement(name);
		xml.writeCharacters(text);
		xml.writeEndElement();
	}

	private static void link(XMLStreamWriter xml, String rel, String href) throws XMLStreamException {
		xml.writeEmptyElement("link");
		xml.writeAttribute("rel", rel);
		xml.writeAttribute("href", href);
	}
}
