package org.beacon.tips.internal;

import org.beacon.tips.CleanedPhoto;
import org.beacon.tips.PhotoCleaning;
import org.springframework.stereotype.Service;

/** {@link PhotoCleaning} by the tips' own {@link ImageSanitizer}, under the same size and pixel limits as tips. */
@Service
class SanitizingPhotoCleaning implements PhotoCleaning {

	private final TipsProperties properties;

	SanitizingPhotoCleaning(TipsProperties properties) {
		this.properties = properties;
	}

	@Override
	public CleanedPhoto clean(String label, byte[] original) {
		ImageSanitizer.Sanitized s = new ImageSanitizer(properties.maxAttachmentBytes(), properties.maxPixels())
				.sanitize(label, original == null ? new byte[0] : original);
		return new CleanedPhoto(s.bytes(), s.contentType(), s.width(), s.height(), s.sha256(), s.originalContentType(),
				s.originalSha256());
	}
}
