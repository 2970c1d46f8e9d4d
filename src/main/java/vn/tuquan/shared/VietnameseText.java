package vn.tuquan.shared;

import java.text.Collator;
import java.text.Normalizer;
import java.util.Comparator;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one way Tuquan writes and compares Vietnamese names.
 *
 * <p>{@link #normaliseName} gives Unicode NFC, single spaces, straight apostrophes and one
 * tone-mark convention: in the open syllables "oa", "oe" and "uy" the mark sits on the first vowel
 * (Hòa, Khỏe, Thủy), as in most of the official 2025 list; "Hoà" and "Thuỷ" become "Hòa" and
 * "Thủy". {@link #fold} mirrors the database's {@code search_fold}: no diacritics, đ→d, lower case.
 */
public final class VietnameseText {

    private static final String TONES = "\u0300\u0301\u0303\u0309\u0323"; // huyền, sắc, ngã, hỏi, nặng
    private static final Pattern WORD = Pattern.compile("\\p{L}[\\p{L}\\p{M}]*");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    /**
     * Names with numbers in the order people read them, as the database's {@code natural_vi} collation
     * sorts (migration V25): runs of digits compare by their value ("Xóm 2" before "Xóm 10"), the rest
     * in Vietnamese alphabetical order ("Đ" after "D"); {@code null} last.
     */
    public static final Comparator<String> NATURAL = Comparator.nullsLast(VietnameseText::compareNaturally);

    /** The SQL to put after a column in ORDER BY for that order, e.g. {@code "name" + SQL_NATURAL}. */
    public static final String SQL_NATURAL = " COLLATE natural_vi";

    private static final ThreadLocal<Collator> COLLATOR = ThreadLocal.withInitial(() -> {
        Collator collator = Collator.getInstance(Locale.forLanguageTag("vi"));
        collator.setStrength(Collator.TERTIARY);
        return collator;
    });

    private VietnameseText() {}

    private static int compareNaturally(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            boolean digitA = Character.isDigit(a.charAt(i));
            boolean digitB = Character.isDigit(b.charAt(j));
            int endA = run(a, i, digitA);
            int endB = run(b, j, digitB);
            int c;
            if (digitA && digitB) {
                c = compareNumbers(a.substring(i, endA), b.substring(j, endB));
            } else if (digitA != digitB) {
                c = digitA ? -1 : 1; // a number before letters, as ICU's numeric collation does
            } else {
                c = COLLATOR.get().compare(a.substring(i, endA), b.substring(j, endB));
            }
            if (c != 0) {
                return c;
            }
            i = endA;
            j = endB;
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }

    private static int run(String s, int from, boolean digits) {
        int end = from;
        while (end < s.length() && Character.isDigit(s.charAt(end)) == digits) {
            end++;
        }
        return end;
    }

    private static int compareNumbers(String a, String b) {
        String x = a.replaceFirst("^0+(?=.)", "");
        String y = b.replaceFirst("^0+(?=.)", "");
        return x.length() != y.length() ? Integer.compare(x.length(), y.length()) : x.compareTo(y);
    }

    public static String normaliseName(String name) {
        if (name == null) {
            return null;
        }
        String text = Normalizer.normalize(name, Normalizer.Form.NFC)
                .replace('\u2019', '\'')
                .replace('\u2018', '\'')
                .replace('\u00a0', ' ');
        text = SPACES.matcher(text.strip()).replaceAll(" ");
        Matcher words = WORD.matcher(text);
        StringBuilder out = new StringBuilder(text.length());
        while (words.find()) {
            words.appendReplacement(out, Matcher.quoteReplacement(placeTone(words.group())));
        }
        words.appendTail(out);
        return out.toString();
    }

    /** Folds text for search and comparison: "Hải Hậu" and "hai hau" fold alike. */
    public static String fold(String text) {
        if (text == null) {
            return null;
        }
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD)
                .replace('đ', 'd')
                .replace('Đ', 'D');
        return decomposed.replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT);
    }

    /** Moves the tone of an open "oa", "oe" or "uy" syllable onto its first vowel. */
    private static String placeTone(String word) {
        String nfd = Normalizer.normalize(word, Normalizer.Form.NFD);
        int tonePosition = -1;
        char tone = 0;
        StringBuilder base = new StringBuilder(nfd.length());
        for (int i = 0; i < nfd.length(); i++) {
            char c = nfd.charAt(i);
            if (TONES.indexOf(c) >= 0) {
                tone = c;
                tonePosition = base.length() - 1; // index of the letter carrying the tone
            } else {
                base.append(c);
            }
        }
        if (tone == 0) {
            return word;
        }
        // base keeps other marks (circumflex, breve, horn); the rule is about plain o/u + a/e/y
        String lower = base.toString().toLowerCase(Locale.ROOT);
        int length = lower.length();
        if (length < 2) {
            return word;
        }
        String ending = lower.substring(length - 2);
        boolean openPair = ending.equals("oa") || ending.equals("oe") || ending.equals("uy");
        boolean afterQ = length >= 3 && lower.charAt(length - 3) == 'q';
        if (!openPair || afterQ || tonePosition != length - 1) {
            return word;
        }
        base.insert(length - 1, tone); // right after the first vowel of the pair
        return Normalizer.normalize(base, Normalizer.Form.NFC);
    }
}
