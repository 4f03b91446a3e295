/**
 * The demo district (a Longquanyi-like district of Chengdu): organizations, people per role and
 * client applications, loaded through the modules' own APIs when {@code govshare.demo.enabled}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Demo district")
package org.govshare.demo;
