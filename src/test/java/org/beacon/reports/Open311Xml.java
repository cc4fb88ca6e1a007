package org.beacon.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/** Parses Open311 XML with the JDK (namespace-aware, no DTDs) and answers XPath questions about it. */
final class Open311Xml {

	private final String text;
	private final Document document;

	private Open311Xml(String text, Document document) {
		this.text = text;
		this.document = document;
	}

	/**
	 * Parses {@code xml}, checking the GeoReport rules that hold for every document: the utf-8 declaration,
	 * the expected root, no namespace on any element.
	 */
	static Open311Xml parse(String xml, String expectedRoot) {
		assertThat(xml).startsWith("<?xml version=\"1.0\" encoding=\"utf-8\"?>");
		try {
			DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
			factory.setNamespaceAware(true);
			factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
			factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
			Document doc = factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
			assertThat(doc.getDocumentElement().getNodeName()).isEqualTo(expectedRoot);
			Open311Xml parsed = new Open311Xml(xml, doc);
			assertThat(parsed.elementsWithNamespace()).as("elements with a namespace").isEmpty();
			return parsed;
		}
		catch (Exception e) {
			throw new AssertionError("not well-formed XML: " + xml, e);
		}
	}

	String text(String xpath) {
		try {
			return (String) XPathFactory.newInstance().newXPath().evaluate(xpath, document, XPathConstants.STRING);
		}
		catch (Exception e) {
			throw new AssertionError(e);
		}
	}

	int count(String xpath) {
		return nodes(xpath).size();
	}

	List<Node> nodes(String xpath) {
		try {
			NodeList list = (NodeList) XPathFactory.newInstance().newXPath().evaluate(xpath, document, XPathConstants.NODESET);
			List<Node> result = new ArrayList<>();
			for (int i = 0; i < list.getLength(); i++) {
				result.add(list.item(i));
			}
			return result;
		}
		catch (Exception e) {
			throw new AssertionError(e);
		}
	}

	/** Names of the child elements of the first node matching {@code xpath}, in order. */
	List<String> childNames(String xpath) {
		List<String> names = new ArrayList<>();
		Node node = nodes(xpath).get(0);
		for (Node c = node.getFirstChild(); c != null; c = c.getNextSibling()) {
			if (c instanceof Element e) {
				names.add(e.getTagName());
			}
		}
		return names;
	}

	String raw() {
		return text;
	}

	private List<String> elementsWithNamespace() {
		List<String> found = new ArrayList<>();
		NodeList all = document.getElementsByTagName("*");
		for (int i = 0; i < all.getLength(); i++) {
			if (all.item(i).getNamespaceURI() != null) {
				found.add(all.item(i).getNodeName());
			}
		}
		return found;
	}
}
