package org.govshare.catalog.internal.excel;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import org.apache.poi.openxml4j.exceptions.NotOfficeXmlFileException;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.poifs.filesystem.FileMagic;
import org.govshare.catalog.internal.excel.Column.Sheet;
import org.govshare.platform.ProblemException;
import org.springframework.http.HttpStatus;
import org.xml.sax.SAXException;

/**
 * What an upload must pass before a job is queued, so the uploader hears at once (as a problem
 * naming {@code file}) when it is not a workbook at all: the size limit, the file type by its
 * content (not its name), a zip that does not inflate into a bomb, and the two data sheets with
 * their mandatory headers.
 */
final class UploadCheck {

    static final long MAX_BYTES = 20L * 1024 * 1024;
    private static final int MAX_ENTRIES = 10_000;
    private static final long MAX_TOTAL_INFLATED = 1024L * 1024 * 1024;
    private static final long RATIO_GRACE = 1024L * 1024;

    private UploadCheck() {
    }

    /** Copies the upload to a temporary file, refusing it (413) as soon as it passes the limit. */
    static Path store(InputStream content) throws IOException {
        Path file = Files.createTempFile("govshare-import-", ".xlsx");
        long total = 0;
        try (InputStream in = content; OutputStream out = Files.newOutputStream(file)) {
            byte[] buffer = new byte[64 * 1024];
            int n;
            while ((n = in.read(buffer)) > 0) {
                total += n;
                if (total > MAX_BYTES) {
                    throw new ProblemException(HttpStatus.CONTENT_TOO_LARGE, "file-too-large", "file",
                        "excel.problem.file-too-large", MAX_BYTES / (1024 * 1024));
                }
                out.write(buffer, 0, n);
            }
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(file);
            throw e;
        }
        if (total == 0) {
            Files.deleteIfExists(file);
            throw refused("file-empty");
        }
        return file;
    }

    static void verify(Path file) throws IOException {
        FileMagic magic;
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
            magic = FileMagic.valueOf(in);
        }
        if (magic == FileMagic.OLE2) {
            throw refused("file-xls");
        }
        if (magic != FileMagic.OOXML) {
            throw refused("file-not-xlsx");
        }
        zip(file);
        try (XlsxReader reader = XlsxReader.open(file)) {
            List<String> sheets = reader.sheetNames();
            for (Sheet sheet : Sheet.values()) {
                if (!sheets.contains(sheet.title)) {
                    throw refused("sheet-missing", sheet.title);
                }
                String[] missing = {null};
                reader.read(sheet.title, row -> {
                    for (Column c : Column.of(sheet)) {
                        boolean present = row.number() == 1 && row.values().values().stream()
                            .anyMatch(h -> Column.byHeader(sheet, h).filter(c::equals).isPresent());
                        if (c.required && !present && missing[0] == null) {
                            missing[0] = c.header;
                        }
                    }
                    return false;
                });
                if (missing[0] != null) {
                    throw refused("header-missing", sheet.title, missing[0]);
                }
            }
        } catch (NotOfficeXmlFileException | OpenXML4JException | SAXException e) {
            throw refused("file-not-xlsx");
        } catch (IOException e) {
            if (isBomb(e)) {
                throw refused("file-zip-bomb");
            }
            throw refused("file-not-xlsx");
        } catch (org.apache.poi.ooxml.POIXMLException | IllegalStateException e) {
            throw isBomb(e) ? refused("file-zip-bomb") : refused("file-not-xlsx");
        }
    }

    /** The central directory: an xlsx is a zip with a workbook part, and none of its parts may inflate absurdly. */
    private static void zip(Path file) {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            if (zip.getEntry("[Content_Types].xml") == null || zip.getEntry("xl/workbook.xml") == null) {
                throw refused("file-not-xlsx");
            }
            long inflated = 0;
            int count = 0;
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry e = entries.nextElement();
                if (++count > MAX_ENTRIES) {
                    throw refused("file-zip-bomb");
                }
                long size = e.getSize();
                if (size < 0) {
                    continue;
                }
                inflated += size;
                boolean ratio = size > RATIO_GRACE && (double) e.getCompressedSize() / size < XlsxReader.MIN_INFLATE_RATIO;
                if (size > XlsxReader.MAX_ENTRY_BYTES || inflated > MAX_TOTAL_INFLATED || ratio) {
                    throw refused("file-zip-bomb");
                }
            }
        } catch (ZipException e) {
            throw refused("file-not-xlsx");
        } catch (IOException e) {
            throw refused("file-not-xlsx");
        }
    }

    static boolean isBomb(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String m = t.getMessage();
            if (m != null && (m.contains("Zip bomb") || m.contains("MAX_ENTRY_SIZE") || m.contains("max text size")
                || m.contains("MinInflateRatio") || m.contains("exceeds the maximum"))) {
                return true;
            }
        }
        return false;
    }

    static ProblemException refused(String code, Object... args) {
        return new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, code, "file", "excel.problem." + code, args);
    }
}
