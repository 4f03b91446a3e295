/**
 * Sharing applications and grants (共享申请与授权): who may use which data, for what and until when,
 * decided under the national sharing rules (unconditional at once, conditional within working-day
 * deadlines, not-shared only through the authority's coordination) and visible to everyone involved.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Sharing")
package org.govshare.sharing;
