package org.govshare.platform;

/** Implemented by every authenticated principal of the platform, so {@link CurrentActor} can read it. */
public interface ActorPrincipal {

    Actor actor();
}
