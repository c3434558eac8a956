package org.envmon.hj212;

/**
 * Platform replies built from a received packet (HJ 212-2017 §6.6, digest §9.4): ST=91 (system interaction), the
 * request's QN echoed, its PW and MN, Flag with the request's version bits and A=0 (e.g. 4 for 2017).
 *
 * <p>For HJ/T 212-2005 requests the QN is echoed inside CP ({@code CP=&&QN=...;QnRtn=1&&}), as 2005 devices do in the
 * 2016 capture; Flag is then 0.
 */
public final class Hj212Replies {

    private Hj212Replies() {
    }

    /** CN 9011 request answer with {@code QnRtn}. */
    public static byte[] requestAnswer(Hj212Packet request, QnRtn rtn) {
        return Hj212Encoder.frame(requestAnswerSegment(request, rtn));
    }

    public static String requestAnswerSegment(Hj212Packet request, QnRtn rtn) {
        return segment(request, "9011", "QnRtn=" + rtn.code());
    }

    /** CN 9012 execution result with {@code ExeRtn}. */
    public static byte[] executionResult(Hj212Packet request, ExeRtn rtn) {
        return Hj212Encoder.frame(executionResultSegment(request, rtn));
    }

    public static String executionResultSegment(Hj212Packet request, ExeRtn rtn) {
        return segment(request, "9012", "ExeRtn=" + rtn.code());
    }

    /** CN 9013 notification answer, empty CP. */
    public static byte[] notificationAnswer(Hj212Packet notification) {
        return Hj212Encoder.frame(segment(notification, "9013", null));
    }

    /** CN 9014 data answer (reply to an upload with A=1), empty CP {@code &&&&}. */
    public static byte[] dataAnswer(Hj212Packet upload) {
        return Hj212Encoder.frame(dataAnswerSegment(upload));
    }

    public static String dataAnswerSegment(Hj212Packet upload) {
        return segment(upload, "9014", null);
    }

    private static String segment(Hj212Packet req, String cn, String cp) {
        ProtocolVersion v = req.version();
        boolean legacy = v == ProtocolVersion.HJT212_2005;
        StringBuilder sb = new StringBuilder(96);
        if (!legacy && req.qn() != null) {
            sb.append("QN=").append(req.qn()).append(';');
        }
        sb.append("ST=91;CN=").append(cn).append(";PW=").append(req.pw()).append(";MN=").append(req.mn())
            .append(";Flag=").append(v.versionBits() << 2).append(";CP=&&");
        String sep = "";
        if (legacy && req.qn() != null) {
            sb.append("QN=").append(req.qn());
            sep = ";";
        }
        if (cp != null) {
            sb.append(sep).append(cp);
        }
        return sb.append("&&").toString();
    }
}
