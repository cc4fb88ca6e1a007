package org.beacon.tips.web;

import java.util.Map;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;

/**
 * A QR code as inline SVG (one path of unit squares), made in the page itself so the receipt never travels
 * in a URL. It encodes plain text, not a link: a phone camera shows the text without opening a browser.
 */
final class QrSvg {

	private QrSvg() {
	}

	static String of(String text) {
		try {
			BitMatrix m = new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0,
					Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 4,
							EncodeHintType.CHARACTER_SET, "UTF-8"));
			StringBuilder path = new StringBuilder();
			for (int y = 0; y < m.getHeight(); y++) {
				for (int x = 0; x < m.getWidth(); x++) {
					if (m.get(x, y)) {
						path.append('M').append(x).append(' ').append(y).append("h1v1h-1z");
					}
				}
			}
			return "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + m.getWidth() + " " + m.getHeight()
					+ "\" width=\"240\" height=\"240\" shape-rendering=\"crispEdges\" role=\"img\" "
					+ "aria-label=\"QR code holding your receipt number and passphrase\">"
					+ "<rect width=\"100%\" height=\"100%\" fill=\"#fff\"/><path fill=\"#000\" d=\"" + path + "\"/></svg>";
		}
		catch (WriterException e) {
			throw new IllegalStateException("receipt text does not fit a QR code", e);
		}
	}

	/** What the QR code says. */
	static String receiptText(String code, String passphrase) {
		return "Beacon receipt\nNumber: " + code + "\nPassphrase: " + passphrase;
	}
}
