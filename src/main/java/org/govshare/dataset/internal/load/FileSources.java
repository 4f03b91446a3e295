package org.govshare.dataset.internal.load;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.govshare.catalog.DataItemView;
import org.govshare.dataset.FilePreview;

/**
 * Reading uploaded files: what the upload channel offers the core. Detection refuses unusable
 * files with a {@code ProblemException} naming the field {@code file} (unknown type, zip bomb,
 * undecodable text); reading refuses with a {@link SourceException}.
 */
public interface FileSources {

    /** Format, character set and delimiter of a stored upload, from its name and first bytes. */
    DetectedFile detect(Path file, String fileName) throws IOException;

    /** The head of the file with the mapping suggested for these items (by name or code name). */
    FilePreview preview(DetectedFile file, List<DataItemView> items, int rows) throws IOException;

    RowSource open(DetectedFile file) throws IOException;

    /** A stored upload and how to read it; charset and delimiter are null for XLSX and JSON Lines. */
    record DetectedFile(Path path, String fileName, FilePreview.FileFormat format, String charset, Character delimiter,
                        long size) {
    }
}
