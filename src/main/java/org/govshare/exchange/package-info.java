/**
 * The data service (数据服务与交换): client systems read exactly what their grants allow — lookups,
 * queries, verification and exports, masked per grant and audited on every call (issue 6; see
 * docs/design/exchange.md). A call's purpose must be one its grant approved.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Exchange")
package org.govshare.exchange;
