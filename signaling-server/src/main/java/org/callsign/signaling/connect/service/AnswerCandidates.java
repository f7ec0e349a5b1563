package org.callsign.signaling.connect.service;

import java.util.ArrayList;
import java.util.List;
import org.callsign.shim.sdp.MediaDescription;
import org.callsign.shim.sdp.SdpException;
import org.callsign.shim.sdp.SdpLine;
import org.callsign.shim.sdp.SessionDescription;
import org.callsign.signaling.signal.message.IceCandidate;

/**
 * Folds a device's trickled candidates into its answer, for callers that cannot receive candidates: a {@code /connect}
 * or WHIP caller gets one complete answer, as webexec gives it after gathering (RFC 8839 §5.1 {@code a=candidate},
 * RFC 8840 §8.2 {@code a=end-of-candidates}).
 */
public final class AnswerCandidates {

    private static final String CANDIDATE = "candidate";
    private static final String END = "end-of-candidates";

    private AnswerCandidates() {}

    /** Whether {@code sdp} already carries candidates, or says it has them all: nothing needs to be waited for. */
    public static boolean isComplete(String sdp) {
        for (String line : sdp.split("\r?\n")) {
            if (line.startsWith("a=" + CANDIDATE + ":") || line.equals("a=" + END)) {
                return true;
            }
        }
        return false;
    }

    /**
     * {@code sdp} with {@code candidates} added to their media sections (by {@code sdpMid}, else
     * {@code sdpMLineIndex}, else the first, which carries a BUNDLE group's transport), and
     * {@code a=end-of-candidates} in every section if {@code ended}. Candidates of no section, and end-of-generation
     * markers, are left out.
     */
    public static String merge(String sdp, List<IceCandidate> candidates, boolean ended) throws SdpException {
        SessionDescription description = SessionDescription.parse(sdp);
        List<MediaDescription> media = description.mediaDescriptions();
        List<List<SdpLine>> added = new ArrayList<>();
        media.forEach(section -> added.add(new ArrayList<>()));
        for (IceCandidate candidate : candidates) {
            if (candidate == null
                    || candidate.candidate() == null
                    || candidate.candidate().isBlank()) {
                continue;
            }
            int index = sectionOf(media, candidate);
            if (index >= 0) {
                added.get(index).add(line(candidate.candidate()));
            }
        }
        List<MediaDescription> merged = new ArrayList<>();
        for (int i = 0; i < media.size(); i++) {
            List<SdpLine> lines = new ArrayList<>(media.get(i).lines());
            lines.addAll(added.get(i));
            if (ended && media.get(i).attributeValues(END).isEmpty()) {
                lines.add(new SdpLine(SdpLine.ATTRIBUTE, END));
            }
            merged.add(new MediaDescription(lines));
        }
        return new SessionDescription(description.sessionLines(), merged).toString();
    }

    private static int sectionOf(List<MediaDescription> media, IceCandidate candidate) {
        if (candidate.sdpMid() != null) {
            for (int i = 0; i < media.size(); i++) {
                if (media.get(i).mid().filter(candidate.sdpMid()::equals).isPresent()) {
                    return i;
                }
            }
        }
        Integer index = candidate.sdpMLineIndex();
        if (index != null && index >= 0 && index < media.size()) {
            return index;
        }
        return media.isEmpty() ? -1 : 0;
    }

    /** The attribute line of a candidate given as {@code candidate:…} (RTCIceCandidateInit) or without the prefix. */
    private static SdpLine line(String candidate) {
        String value = candidate.startsWith("a=") ? candidate.substring(2) : candidate;
        if (!value.startsWith(CANDIDATE + ":")) {
            value = CANDIDATE + ":" + value;
        }
        return new SdpLine(SdpLine.ATTRIBUTE, value);
    }
}
