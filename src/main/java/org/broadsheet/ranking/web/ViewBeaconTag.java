package org.broadsheet.ranking.web;

/** The model of the beacon script tag an article page carries in beacon mode. */
public record ViewBeaconTag(String scriptUrl, String beaconUrl) {
}
