/**
 * Data collection (数据归集): the records behind each published resource, loaded by file upload,
 * push API or scheduled pull from a department's staging database, validated against the data
 * items, versioned per load with a per-resource change sequence, and measured for quality and
 * freshness.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Dataset")
package org.govshare.dataset;
