package org.govshare.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChainHashingTest {

    private static String hex(HashAlgorithm algorithm, String input) {
        HashAlgorithm.ChainDigest d = algorithm.newDigest();
        byte[] bytes = input.getBytes(StandardCharsets.UTF_8);
        d.update(bytes, 0, bytes.length);
        return HexFormat.of().formatHex(d.digest());
    }

    @Test
    void sm3KnownAnswer() {
        // GB/T 32905-2016, example 1
        assertThat(hex(HashAlgorithm.SM3, "abc"))
            .isEqualTo("66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0");
    }

    @Test
    void sha256KnownAnswer() {
        // FIPS 180-2, appendix B.1
        assertThat(hex(HashAlgorithm.SHA_256, "abc"))
            .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    @Test
    void digestsAreReusableAfterDigest() {
        HashAlgorithm.ChainDigest d = HashAlgorithm.SM3.newDigest();
        byte[] abc = "abc".getBytes(StandardCharsets.UTF_8);
        d.update(abc, 0, 3);
        byte[] first = d.digest();
        d.update(abc, 0, 3);
        assertThat(d.digest()).isEqualTo(first);
    }

    @Test
    void algorithmNamesAsConfigured() {
        assertThat(HashAlgorithm.of("SHA-256")).isEqualTo(HashAlgorithm.SHA_256);
        assertThat(HashAlgorithm.of("sm3")).isEqualTo(HashAlgorithm.SM3);
        assertThat(HashAlgorithm.of("SHA256")).isEqualTo(HashAlgorithm.SHA_256);
        assertThatThrownBy(() -> HashAlgorithm.of("MD5")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void canonicalEncodingIsUnambiguous() {
        // moving text between adjacent fields, or null versus empty, must change the bytes
        byte[] a = encode(row("ab", "c", null));
        byte[] b = encode(row("a", "bc", null));
        byte[] c = encode(row("ab", "c", ""));
        byte[] d = encode(row("ab", "c", null, List.of()));
        byte[] e = encode(row("ab", "c", null, List.of("")));
        assertThat(new java.util.HashSet<>(List.of(HexFormat.of().formatHex(a), HexFormat.of().formatHex(b),
            HexFormat.of().formatHex(c), HexFormat.of().formatHex(d), HexFormat.of().formatHex(e)))).hasSize(5);
    }

    @Test
    void canonicalEncodingOfNonAsciiIsUtf8WithByteLength() {
        CanonicalEncoder enc = new CanonicalEncoder();
        enc.text("审计");
        byte[] out = Arrays.copyOf(enc.buffer(), enc.length());
        assertThat(out).startsWith(0, 0, 0, 6);
        assertThat(Arrays.copyOfRange(out, 4, 10)).isEqualTo("审计".getBytes(StandardCharsets.UTF_8));
        // the verifier feeds the database's bytes; they must encode exactly like the writer's strings
        CanonicalEncoder raw = new CanonicalEncoder().utf8("审计".getBytes(StandardCharsets.UTF_8)).utf8(null);
        enc.text(null);
        assertThat(Arrays.copyOf(raw.buffer(), raw.length())).isEqualTo(Arrays.copyOf(enc.buffer(), enc.length()));
    }

    @Test
    void hashDependsOnPreviousHash() {
        ChainHasher hasher = new ChainHasher();
        ChainRow r = row("x", "y", null);
        byte[] h1 = hasher.hash(ChainHasher.GENESIS, r);
        byte[] h2 = hasher.hash(h1, r);
        assertThat(h1).hasSize(32).isNotEqualTo(h2);
        assertThat(hasher.hash(ChainHasher.GENESIS, r)).isEqualTo(h1);
    }

    @Test
    void textArraysParseAsPostgresPrintsThem() {
        assertThat(PgTextArray.parse(null)).isNull();
        assertThat(PgTextArray.parse("{}")).isEmpty();
        assertThat(PgTextArray.parse("{ab12,cd34}")).containsExactly("ab12", "cd34");
        assertThat(PgTextArray.parse("{\"a,b\",\"q\\\"x\",NULL,\"NULL\"}")).containsExactly("a,b", "q\"x", null, "NULL");
    }

    @Test
    void subjectKeyArraysQuoteEveryElement() {
        assertThat(AuditWriter.arrayLiteral(List.of("k1", "q\"\\"))).isEqualTo("{\"k1\",\"q\\\"\\\\\"}");
    }

    @Test
    void subjectIdentifiersAreNormalizedBeforeHashing() {
        assertThat(SubjectKeys.normalize(" 11010519491231002x ")).isEqualTo("11010519491231002X");
        assertThat(SubjectKeys.normalize("９１５１０１１２ MA6 ")).isEqualTo("91510112MA6");
    }

    private static ChainRow row(String actor, String action, String detail) {
        return row(actor, action, detail, null);
    }

    private static ChainRow row(String actor, String action, String detail, List<String> keys) {
        return new ChainRow(1, 1_700_000_000_000_000L, null, actor, null, null, action, null, null, null, null,
            "SUCCESS", null, detail, keys, "SHA-256");
    }

    private static byte[] encode(ChainRow r) {
        CanonicalEncoder enc = new CanonicalEncoder();
        r.encode(enc);
        return Arrays.copyOf(enc.buffer(), enc.length());
    }
}
