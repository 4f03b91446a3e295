package org.govshare.dataset;

/** How a load reached the platform; ROLLBACK loads restore the records a rolled-back load replaced. */
public enum LoadChannel {
    UPLOAD, PUSH, PULL, ROLLBACK
}
