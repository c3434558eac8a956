package org.envmon.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class MerkleTest {
    private final ChainCodec codec = new ChainCodec();

    /** RFC 6962 section 2.1, written recursively. */
    private byte[] reference(List<byte[]> leaves) {
        if (leaves.size() == 1) {
            return codec.leaf(leaves.get(0));
        }
        int k = Integer.highestOneBit(leaves.size() - 1);
        return codec.node(reference(leaves.subList(0, k)), reference(leaves.subList(k, leaves.size())));
    }

    @Test
    void incrementalRootEqualsTheRecursiveTreeHashAndSurvivesSaveAndRestore() {
        List<byte[]> leaves = new ArrayList<>();
        Merkle m = new Merkle();
        assertThat(m.root(codec)).isNull();
        for (int n = 1; n <= 70; n++) {
            byte[] data = codec.sha256(new byte[] {(byte) n});
            leaves.add(data);
            m.add(codec, data);
            assertThat(m.root(codec)).as("n=%d", n).isEqualTo(reference(leaves));
            m = Merkle.restore(m.count(), m.peaksBytes());
        }
    }

    @Test
    void observationOrderDoesNotChangeTheRowsDigest() {
        byte[] a = codec.observation("S", "a", "hour", "VALUE", 1, 1.0, null, 2, 3, true, null);
        byte[] b = codec.observation("S", "b", "hour", "VALUE", 1, -0.0, "N", 2, 3, false, "X");
        ChainCodec.Rows rows = codec.rows();
        rows.add(a);
        rows.add(b);
        byte[] ab = rows.digest();
        rows.add(b);
        rows.add(a);
        assertThat(rows.digest()).isEqualTo(ab);
        rows.add(a);
        assertThat(Arrays.equals(rows.digest(), ab)).isFalse();
    }
}
