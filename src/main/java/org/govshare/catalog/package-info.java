/**
 * The resource catalog (资源目录): every department's information resources and their data items
 * under GB/T 21063, reviewed by the sharing authority, versioned, searchable in Chinese.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Catalog")
package org.govshare.catalog;
