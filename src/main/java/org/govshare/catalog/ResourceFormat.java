package org.govshare.catalog;

/** 信息资源格式. */
public enum ResourceFormat {
    DATABASE, FILE_XLSX, FILE_CSV, FILE_PDF, API, OTHER
}
