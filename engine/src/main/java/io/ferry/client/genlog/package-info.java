/**
 * What the engine client says about the MySQL general log (issue 4): status figures, rotation preview and
 * outcome, history, schedule, search and digest. Plain values, so a console or a remote client need nothing of
 * the engine's own classes.
 */
package io.ferry.client.genlog;
