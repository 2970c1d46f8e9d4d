package vn.tuquan.shared;

import java.util.Locale;
import java.util.Set;

/**
 * The files people attach as evidence (a review's minutes, a resolution's scan): the types accepted,
 * the check that the content is what its type says (by its first bytes; Office files are ZIP
 * archives), and a file name safe to send back in a header.
 */
public final class UploadedFiles {

    public static final Set<String> CONTENT_TYPES = Set.of(
            "application/pdf",
            "image/jpeg",
            "image/png",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private UploadedFiles() {}

    /** The declared type without parameters, lower case ({@code application/pdf}). */
    public static String type(String contentType) {
        return contentType == null
                ? ""
                : contentType.toLowerCase(Locale.ROOT).split(";")[0].strip();
    }

    /** Whether the type is accepted and the content starts as that type's files do. */
    public static boolean accepted(String type, byte[] content) {
        if (!CONTENT_TYPES.contains(type)) {
            return false;
        }
        return switch (type) {
            case "application/pdf" -> starts(content, '%', 'P', 'D', 'F');
            case "image/png" -> starts(content, 0x89, 'P', 'N', 'G');
            case "image/jpeg" -> starts(content, 0xFF, 0xD8, 0xFF);
            default -> starts(content, 'P', 'K', 3, 4);
        };
    }

    /**
     * The name without path separators, line breaks or quotes; the fallback when there is none; a
     * name longer than {@value #MAX_NAME} characters is shortened, keeping its extension.
     */
    public static String safeName(String fileName, String fallback) {
        String name = fileName == null || fileName.isBlank()
                ? fallback
                : fileName.replaceAll("[\\\\/\\r\\n\"]", "_").strip();
        if (name.codePointCount(0, name.length()) <= MAX_NAME) {
            return name;
        }
        // a name longer than the column holds: its beginning and its extension (".pdf"), never an error
        int dot = name.lastIndexOf('.');
        String extension = dot > 0 && name.length() - dot <= 16 ? name.substring(dot) : "";
        String stem = name.substring(0, name.offsetByCodePoints(0, MAX_NAME - extension.length() - 1));
        return stem + "…" + extension;
    }

    /** The longest file name kept (the columns {@code file_name} hold at most this many characters). */
    public static final int MAX_NAME = 255;

    private static boolean starts(byte[] content, int... magic) {
        if (content.length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if ((content[i] & 0xFF) != magic[i]) {
                return false;
            }
        }
        return true;
    }
}
