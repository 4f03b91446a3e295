package org.govshare.catalog.internal.search;

import java.io.IOException;
import org.apache.lucene.codecs.FilterCodec;
import org.apache.lucene.codecs.StoredFieldsFormat;
import org.apache.lucene.codecs.compressing.CompressionMode;
import org.apache.lucene.codecs.compressing.Compressor;
import org.apache.lucene.codecs.compressing.Decompressor;
import org.apache.lucene.codecs.lucene90.compressing.Lucene90CompressingStoredFieldsFormat;
import org.apache.lucene.codecs.lucene912.Lucene912Codec;
import org.apache.lucene.store.ByteBuffersDataInput;
import org.apache.lucene.store.DataInput;
import org.apache.lucene.store.DataOutput;
import org.apache.lucene.util.ArrayUtil;
import org.apache.lucene.util.BytesRef;

/**
 * Lucene's default codec with uncompressed stored fields. Every search reads the stored fields of
 * its page (20 hits), and decompressing their LZ4 blocks was a third of a query's time; the
 * catalog's stored text is small (names, summaries, item names), so the space is well spent.
 * Registered for Lucene's SPI (META-INF/services) so segments written with it can be read.
 */
public final class CatalogCodec extends FilterCodec {

    static final String NAME = "GovshareCatalog1";

    private final StoredFieldsFormat storedFields =
        new Lucene90CompressingStoredFieldsFormat("GovshareCatalogStoredFields1", UNCOMPRESSED, 16 * 1024, 128, 10);

    public CatalogCodec() {
        super(NAME, new Lucene912Codec());
    }

    @Override
    public StoredFieldsFormat storedFieldsFormat() {
        return storedFields;
    }

    private static final CompressionMode UNCOMPRESSED = new CompressionMode() {
        @Override
        public Compressor newCompressor() {
            return new Compressor() {
                @Override
                public void compress(ByteBuffersDataInput buffersInput, DataOutput out) throws IOException {
                    out.copyBytes(buffersInput, buffersInput.length());
                }

                @Override
                public void close() {
                }
            };
        }

        @Override
        public Decompressor newDecompressor() {
            return new Decompressor() {
                @Override
                public void decompress(DataInput in, int originalLength, int offset, int length, BytesRef bytes)
                        throws IOException {
                    in.skipBytes(offset);
                    bytes.bytes = ArrayUtil.growNoCopy(bytes.bytes, length);
                    in.readBytes(bytes.bytes, 0, length);
                    in.skipBytes(originalLength - offset - length); // end where a compressed unit would
                    bytes.offset = 0;
                    bytes.length = length;
                }

                @Override
                public Decompressor clone() {
                    return this;
                }
            };
        }

        @Override
        public String toString() {
            return "UNCOMPRESSED";
        }
    };
}
