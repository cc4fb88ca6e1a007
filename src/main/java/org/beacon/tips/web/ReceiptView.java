package org.beacon.tips.web;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.beacon.tips.IssuedReceipt;
import org.springframework.ui.Model;

/** What the receipt page shows: the number and passphrase (twice), a QR code, and when the dialogue ends. */
final class ReceiptView {

	static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH).withZone(ZoneOffset.UTC);

	private ReceiptView() {
	}

	static void addTo(Model model, IssuedReceipt receipt, String holdReason) {
		model.addAttribute("receiptCode", receipt.code());
		model.addAttribute("receiptPassphrase", receipt.passphrase());
		model.addAttribute("receiptExpires", DAY.format(receipt.expiresAt()));
		model.addAttribute("qrSvg", QrSvg.of(QrSvg.receiptText(receipt.code(), receipt.passphrase())));
		model.addAttribute("holdReason", holdReason);
	}
}
