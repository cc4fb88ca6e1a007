package org.beacon.reports.web;

import java.io.StringWriter;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import tools.jackson.databind.ObjectMapper;

import org.springframework.stereotype.Component;

/**
 * Writes one Open311 document in both formats from the same tree, so XML and JSON always carry the same
 * data. The tree is made of maps (elements with children, in order), {@link Items} (repeated children) and
 * scalars; null values are left out.
 *
 * <p>XML: declaration {@code <?xml version="1.0" encoding="utf-8"?>}, no namespace, lower-case booleans.
 * JSON ("Spark convention"): a list root becomes a top-level array, repeated children become arrays.
 */
@Component
class Open311Writer {

	private static final XMLOutputFactory XML = XMLOutputFactory.newFactory();

	private final ObjectMapper json;

	Open311Writer(ObjectMapper json) {
		this.json = json;
	}

	/** Repeated child elements: {@code <attributes><attribute/>...</attributes>} or a JSON array. */
	record Items(String itemName, List<?> items) {
	}

	String write(Open311Format format, String root, Object body) {
		return format == Open311Format.XML ? xml(root, body) : json.writeValueAsString(plain(body));
	}

	private String xml(String root, Object body) {
		StringWriter out = new StringWriter();
		try {
			XMLStreamWriter w = XML.createXMLStreamWriter(out);
			w.writeStartDocument("utf-8", "1.0");
			element(w, root, body);
			w.writeEndDocument();
			w.close();
		}
		catch (XMLStreamException e) {
			throw new IllegalStateException("could not write Open311 XML", e);
		}
		return out.toString();
	}

	private void element(XMLStreamWriter w, String name, Object value) throws XMLStreamException {
		if (value == null) {
			return;
		}
		w.writeStartElement(name);
		if (value instanceof Items items) {
			for (Object item : items.items()) {
				element(w, items.itemName(), item);
			}
		}
		else if (value instanceof Map<?, ?> map) {
			for (Map.Entry<?, ?> e : map.entrySet()) {
				element(w, (String) e.getKey(), e.getValue());
			}
		}
		else {
			w.writeCharacters(text(value));
		}
		w.writeEndElement();
	}

	private static String text(Object value) {
		if (value instanceof Double d) {
			return BigDecimal.valueOf(d).toPlainString();
		}
		return value.toString();
	}

	private static Object plain(Object value) {
		if (value instanceof Items items) {
			List<Object> list = new ArrayList<>();
			items.items().forEach(item -> list.add(plain(item)));
			return list;
		}
		if (value instanceof Map<?, ?> map) {
			Map<String, Object> copy = new LinkedHashMap<>();
			map.forEach((k, v) -> {
				if (v != null) {
					copy.put((String) k, plain(v));
				}
			});
			return copy;
		}
		return value;
	}
}
