package org.callsign.signaling.whip.service;

import java.util.ArrayList;
import java.util.List;
import org.callsign.server.api.ApiException;
import org.callsign.signaling.api.ApiError;
import org.callsign.signaling.signal.message.IceCandidate;

/**
 * A trickle-ICE SDP fragment ({@code application/trickle-ice-sdpfrag}, RFC 8840 §9), as a WHIP client sends it in a
 * {@code PATCH} (RFC 9725 §4.3.1): the ICE credentials, media lines and {@code a=mid} that place the candidates, the
 * {@code a=candidate} lines, and {@code a=end-of-candidates}. Other lines are ignored.
 *
 * @param ufrag the fragment's {@code a=ice-ufrag}, or {@code null}
 * @param pwd the fragment's {@code a=ice-pwd}, or {@code null}
 * @param candidates the candidates, each with the {@code mid}, media index and ufrag in force where it stood
 * @param ended whether the fragment says the client has sent every candidate
 */
public record TrickleFragment(String ufrag, String pwd, List<IceCandidate> candidates, boolean ended) {

    /** Candidates one fragment may carry. */
    public static final int MAX_CANDIDATES = 64;

    public TrickleFragment {
        candidates = List.copyOf(candidates);
    }

    /**
     * Parses a fragment.
     *
     * @throws ApiException {@code invalid-request} naming the line for text that is not a fragment
     */
    public static TrickleFragment parse(String text) {
        String ufrag = null;
        String pwd = null;
        String mid = null;
        int mediaIndex = -1;
        boolean ended = false;
        List<IceCandidate> candidates = new ArrayList<>();
        String[] lines = text == null ? new String[0] : text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.isEmpty()) {
                continue;
            }
            if (line.length() < 2 || line.charAt(1) != '=' || hasControl(line)) {
                throw invalid(i, "is not an SDP line");
            }
            if (line.startsWith("m=")) {
                mediaIndex++;
                mid = null;
            } else if (line.startsWith("a=mid:")) {
                mid = line.substring("a=mid:".length());
            } else if (line.startsWith("a=ice-ufrag:")) {
                ufrag = line.substring("a=ice-ufrag:".length());
            } else if (line.startsWith("a=ice-pwd:")) {
                pwd = line.substring("a=ice-pwd:".length());
            } else if (line.equals("a=end-of-candidates")) {
                ended = true;
            } else if (line.startsWith("a=candidate:")) {
                if (candidates.size() >= MAX_CANDIDATES) {
                    throw invalid(i, "is past the limit of " + MAX_CANDIDATES + " candidates");
                }
                candidates.add(new IceCandidate(line.substring(2), mid, mediaIndex < 0 ? null : mediaIndex, ufrag));
            }
        }
        if (candidates.isEmpty() && !ended && ufrag == null) {
            throw new ApiException(ApiError.INVALID_REQUEST, "the fragment has no candidate, ICE credentials or end");
        }
        return new TrickleFragment(ufrag, pwd, candidates, ended);
    }

    private static boolean hasControl(String line) {
        return line.chars().anyMatch(c -> c < 0x20 && c != '\t' || c == 0x7f);
    }

    private static ApiException invalid(int index, String problem) {
        return new ApiException(ApiError.INVALID_REQUEST, "trickle-ice-sdpfrag line " + (index + 1) + " " + problem);
    }
}
