package org.beacon.overdose.web;

import java.io.StringWriter;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.NoSuchElementException;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import org.beacon.agency.Agencies;
import org.beacon.agency.Agency;
import org.beacon.disclosure.AreaNotice;
import org.beacon.disclosure.PublicDisclosure;
import org.beacon.disclosure.PublicNotice;
import org.beacon.overdose.internal.NoticeRepository;
import org.beacon.overdose.internal.ResidentNotice;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The public side of overdose surveillance: current harm-reduction notices as a page and an Atom feed. Everyone
 * may read them; no account, no cookie. Every notice is shown as {@link PublicDisclosure} makes it: areas only,
 * no count below the privacy minimum; one it refuses is not shown at all.
 */
@Controller
class PublicNoticesController {

	/** A notice as the pages show it: its id and dates, and the words {@link PublicDisclosure} allowed. */
	record Shown(long id, Instant publishedAt, boolean withdrawn, String areaLevel, String areaCode, String areaName,
			String title, String body, String countText) {

		static Shown of(ResidentNotice n, PublicNotice p) {
			return new Shown(n.id(), n.publishedAt(), n.withdrawn(), p.areaLevel(), p.areaCode(), p.areaName(), p.title(),
					p.body(), p.countText());
		}
	}

	private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("d MMMM yyyy", java.util.Locale.ENGLISH);

	static final MediaType ATOM = MediaType.parseMediaType("application/atom+xml;charset=UTF-8");

	private final NoticeRepository notices;
	private final Agencies agencies;
	private final PublicDisclosure disclosure;

	PublicNoticesController(NoticeRepository notices, Agencies agencies, PublicDisclosure disclosure) {
		this.notices = notices;
		this.agencies = agencies;
		this.disclosure = disclosure;
	}

	private List<Shown> current(Agency agency) {
		return notices.current(agency.id(), 50).stream()
				.flatMap(n -> disclosure.disclose(facts(n)).map(p -> Shown.of(n, p)).stream()).toList();
	}

	private static AreaNotice facts(ResidentNotice n) {
		return new AreaNotice(n.areaLevel(), n.areaCode(), n.areaName(), n.title(), n.body(), n.countText());
	}

	@GetMapping("/public/notices")
	String list(Model model) {
		Agency agency = agencies.defaultAgency();
		model.addAttribute("notices", current(agency));
		model.addAttribute("agency", agency);
		model.addAttribute("shown", SHOWN.withZone(agency.timeZone()));
		return "public/notices/index";
	}

	@GetMapping("/public/notices/{id}")
	String notice(@PathVariable long id, Model model) {
		Agency agency = agencies.defaultAgency();
		ResidentNotice stored = notices.find(agency.id(), id).orElseThrow(() -> new NoSuchElementException("no notice " + id));
		Shown notice = disclosure.disclose(facts(stored)).map(p -> Shown.of(stored, p))
				.orElseThrow(() -> new NoSuchElementException("notice " + id + " is not public"));
		model.addAttribute("notice", notice);
		model.addAttribute("agency", agency);
		model.addAttribute("shown", SHOWN.withZone(agency.timeZone()));
		return "public/notices/notice";
	}

	/** RFC 4287 Atom: one entry per current notice, newest first. */
	@GetMapping("/public/notices.atom")
	ResponseEntity<String> atom() throws XMLStreamException {
		Agency agency = agencies.defaultAgency();
		List<Shown> current = current(agency);
		String base = ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString();
		StringWriter out = new StringWriter();
		XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
		xml.writeStartDocument("UTF-8", "1.0");
		xml.writeStartElement("feed");
		xml.writeDefaultNamespace("http://www.w3.org/2005/Atom");
		element(xml, "id", "urn:beacon:" + agency.code() + ":overdose-notices");
		element(xml, "title", agency.name() + ": overdose harm-reduction notices");
		element(xml, "updated", current.isEmpty() ? "1970-01-01T00:00:00Z" : iso(current.get(0)));
		link(xml, base + "/public/notices.atom", "self");
		link(xml, base + "/public/notices", "alternate");
		xml.writeStartElement("author");
		element(xml, "name", agency.name());
		xml.writeEndElement();
		for (Shown n : current) {
			xml.writeStartElement("entry");
			element(xml, "id", "urn:beacon:" + agency.code() + ":overdose-notice:" + n.id());
			element(xml, "title", n.title());
			element(xml, "updated", iso(n));
			element(xml, "published", iso(n));
			link(xml, base + "/public/notices/" + n.id(), "alternate");
			xml.writeStartElement("category");
			xml.writeAttribute("term", n.areaLevel() + ":" + n.areaCode());
			xml.writeAttribute("label", n.areaName());
			xml.writeEndElement();
			xml.writeStartElement("content");
			xml.writeAttribute("type", "text");
			xml.writeCharacters((n.countText() == null ? "" : n.countText() + "\n\n") + n.body());
			xml.writeEndElement();
			xml.writeEndElement();
		}
		xml.writeEndElement();
		xml.writeEndDocument();
		xml.close();
		return ResponseEntity.ok().contentType(ATOM).body(out.toString());
	}

	private static String iso(Shown n) {
		return DateTimeFormatter.ISO_INSTANT.format(n.publishedAt().atOffset(ZoneOffset.UTC).withNano(0).toInstant());
	}

	private static void element(XMLStreamWriter xml, String name, String text) throws XMLStreamException {
		xml.writeStartElement(name);
		xml.writeCharacters(text);
		xml.writeEndElement();
	}

	private static void link(XMLStreamWriter xml, String href, String rel) throws XMLStreamException {
		xml.writeEmptyElement("link");
		xml.writeAttribute("rel", rel);
		xml.writeAttribute("href", href);
	}

	@ExceptionHandler(NoSuchElementException.class)
	@ResponseStatus(HttpStatus.NOT_FOUND)
	@ResponseBody
	String notFound(NoSuchElementException e) {
		return "No such notice.";
	}
}
