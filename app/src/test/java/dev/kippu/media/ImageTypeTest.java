package dev.kippu.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;

class ImageTypeTest {

    @Test
    void jpegPngAndWebpAreKnownByTheirFirstBytes() {
        assertThat(ImageType.detect(bytes(0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, 'J', 'F', 'I', 'F'))).hasValue(ImageType.JPEG);
        assertThat(ImageType.detect(bytes(0xFF, 0xD8, 0xFF))).hasValue(ImageType.JPEG);
        assertThat(ImageType.detect(bytes(0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 'I', 'H', 'D', 'R'))).hasValue(ImageType.PNG);
        assertThat(ImageType.detect(concat("RIFF".getBytes(StandardCharsets.US_ASCII), bytes(0x24, 0, 0, 0), "WEBPVP8 ".getBytes(StandardCharsets.US_ASCII))))
                .hasValue(ImageType.WEBP);
    }

    @Test
    void aRealPngIsAPng() throws IOException {
        BufferedImage image = new BufferedImage(4, 4, BufferedImage.TYPE_INT_RGB);
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(image, "png", png);
        ByteArrayOutputStream jpeg = new ByteArrayOutputStream();
        ImageIO.write(image, "jpeg", jpeg);
        assertThat(ImageType.detect(png.toByteArray())).hasValue(ImageType.PNG);
        assertThat(ImageType.detect(jpeg.toByteArray())).hasValue(ImageType.JPEG);
    }

    @Test
    void anythingElseIsNoImage() {
        assertThat(ImageType.detect(new byte[0])).isEmpty();
        assertThat(ImageType.detect(null)).isEmpty();
        assertThat(ImageType.detect("just some text, not an image".getBytes(StandardCharsets.UTF_8))).isEmpty();
        assertThat(ImageType.detect("GIF89a......".getBytes(StandardCharsets.US_ASCII))).isEmpty();
        assertThat(ImageType.detect("<svg xmlns=\"http://www.w3.org/2000/svg\"/>".getBytes(StandardCharsets.US_ASCII))).isEmpty();
        assertThat(ImageType.detect(concat("RIFF".getBytes(StandardCharsets.US_ASCII), bytes(0x24, 0, 0, 0), "WAVEfmt ".getBytes(StandardCharsets.US_ASCII))))
                .as("a RIFF file that is not WebP (WAV)").isEmpty();
    }

    @Test
    void aTruncatedSignatureIsNoImage() {
        assertThat(ImageType.detect(bytes(0xFF, 0xD8))).isEmpty();
        assertThat(ImageType.detect(bytes(0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A))).isEmpty();
        assertThat(ImageType.detect(concat("RIFF".getBytes(StandardCharsets.US_ASCII), bytes(0x24, 0, 0, 0), "WEB".getBytes(StandardCharsets.US_ASCII)))).isEmpty();
        assertThat(ImageType.detect("RIFF".getBytes(StandardCharsets.US_ASCII))).isEmpty();
    }

    @Test
    void theSignatureMustBeAtTheStart() {
        assertThat(ImageType.detect(concat(bytes(0x00), bytes(0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)))).isEmpty();
        assertThat(ImageType.detect(concat(bytes(' '), bytes(0xFF, 0xD8, 0xFF)))).isEmpty();
    }

    @Test
    void declaredTypesAreTheThreeImageTypesInAnyCase() {
        assertThat(ImageType.ofMediaType("image/jpeg")).hasValue(ImageType.JPEG);
        assertThat(ImageType.ofMediaType("IMAGE/PNG")).hasValue(ImageType.PNG);
        assertThat(ImageType.ofMediaType("image/webp")).hasValue(ImageType.WEBP);
        assertThat(ImageType.ofMediaType("image/jpg")).isEmpty();
        assertThat(ImageType.ofMediaType("image/gif")).isEmpty();
        assertThat(ImageType.ofMediaType("image/svg+xml")).isEmpty();
        assertThat(ImageType.ofMediaType("image/png; charset=utf-8")).isEmpty();
        assertThat(ImageType.ofMediaType(null)).isEmpty();
    }

    private static byte[] bytes(int... values) {
        byte[] bytes = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            bytes[i] = (byte) values[i];
        }
        return bytes;
    }

    private static byte[] concat(byte[]... parts) {
        byte[] all = new byte[Arrays.stream(parts).mapToInt(part -> part.length).sum()];
        int at = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, all, at, part.length);
            at += part.length;
        }
        return all;
    }
}
