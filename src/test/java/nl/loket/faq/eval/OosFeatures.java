package nl.loket.faq.eval;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import nl.loket.faq.Faq;
import nl.loket.faq.FaqEntry;
import nl.loket.faq.FaqMatch;
import nl.loket.faq.FaqProperties;
import nl.loket.faq.SemanticMode;
import nl.loket.faq.SentenceEmbeddings;

/** Exploration only: dumps per-question features for the out-of-scope calibration (not shipped). */
final class OosFeatures {

    public static void main(String[] args) throws Exception {
        Path folder = Path.of(args[0]);
        SentenceEmbeddings model = SentenceEmbeddings.onClassPath().getFirst();
        var local = new FaqProperties.Semantic(SemanticMode.LOCAL, SemanticMode.LOCAL, Path.of("x"));
        FaqProperties properties = FaqProperties.defaults(Path.of(".")).withSemantic(local);
        int every = Integer.getInteger("faq.sample", 1);
        try (var out = new PrintWriter(args[1])) {
            out.println("set,inscope,correct,passes,conf,wlead,nlead,slead,slevel,fsim,frun,bmax,bcent,bcoh,s1,s2,s1max,s2max,sbest_is_fbest,nabove");
            for (String set : List.of(args).subList(2, args.length)) {
                Dataset data = Dataset.read(folder.resolve(set));
                Faq faq = Faq.of(data.entries(), Map.of(), properties, List.of(model));
                List<float[][]> ex = new ArrayList<>();
                List<float[]> cent = new ArrayList<>();
                List<Double> coh = new ArrayList<>();
                Map<String, Integer> index = new HashMap<>();
                for (FaqEntry e : data.entries()) {
                    List<String> texts = new ArrayList<>(e.questions());
                    texts.add(e.title());
                    float[][] v = model.embed(texts).stream().map(OosFeatures::unit).toArray(float[][]::new);
                    float[] c = new float[v[0].length];
                    for (float[] x : v) for (int d = 0; d < c.length; d++) c[d] += x[d];
                    c = unit(c);
                    double s = 0;
                    for (float[] x : v) s += dot(x, c);
                    index.put(e.id(), ex.size());
                    ex.add(v);
                    cent.add(c);
                    coh.add(s / v.length);
                }
                List<String[]> qs = new ArrayList<>();
                for (int i = 0; i < data.inScope().size(); i += every) {
                    qs.add(new String[] {data.inScope().get(i).text(), data.inScope().get(i).label()});
                }
                for (String q : data.outOfScope()) {
                    qs.add(new String[] {q, null});
                }
                for (String[] q : qs) {
                    FaqMatch m = faq.match(q[0], data.lang());
                    float[] v = unit(model.embed(List.of(q[0])).getFirst());
                    int n = ex.size();
                    double[] mix = new double[n];
                    double[] max = new double[n];
                    double[] cc = new double[n];
                    for (int e = 0; e < n; e++) {
                        for (float[] x : ex.get(e)) max[e] = Math.max(max[e], dot(v, x));
                        cc[e] = Math.max(0, dot(v, cent.get(e)));
                        mix[e] = 0.25 * max[e] + 0.75 * cc[e];
                    }
                    int b1 = -1, b2 = -1;
                    for (int e = 0; e < n; e++) {
                        if (b1 < 0 || mix[e] > mix[b1]) { b2 = b1; b1 = e; } else if (b2 < 0 || mix[e] > mix[b2]) b2 = e;
                    }
                    double m1 = -1, m2 = -1;
                    for (int e = 0; e < n; e++) {
                        if (max[e] > m1) { m2 = m1; m1 = max[e]; } else if (max[e] > m2) m2 = max[e];
                    }
                    int fb = m.best() == null ? -1 : index.get(m.best().entry().id());
                    int above = 0;
                    for (int e = 0; e < n; e++) if (mix[e] > mix[b1] - 0.05) above++;
                    var why = m.explanation();
                    var cands = m.candidates();
                    double run = cands.size() > 1 ? cands.get(1).similarity() : 0;
                    boolean passes = "exact".equals(why.rule()) || ("ranked".equals(why.rule())
                            && m.best().similarity() - run >= properties.margin());
                    boolean correct = q[1] != null && m.best() != null && m.best().entry().id().equals(q[1]);
                    out.println(String.join(",", set, q[1] != null ? "1" : "0", correct ? "1" : "0", passes ? "1" : "0",
                            f(m.confidence()), f(why.wordLead()), f(why.ngramLead()), f(why.semanticLead()),
                            f(why.semanticSimilarity()), f(m.best() == null ? 0 : m.best().similarity()), f(run),
                            f(fb < 0 ? 0 : max[fb]), f(fb < 0 ? 0 : cc[fb]), f(fb < 0 ? 0 : coh.get(fb)), f(mix[b1]),
                            f(mix[b2]), f(m1), f(m2), b1 == fb ? "1" : "0", Integer.toString(above)));
                }
                System.err.println(set + " done");
            }
        }
    }

    private static String f(double x) {
        return String.format(Locale.ROOT, "%.5f", x);
    }

    private static double dot(float[] a, float[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) s += a[i] * b[i];
        return s;
    }

    private static float[] unit(float[] v) {
        double n = 0;
        for (float x : v) n += x * x;
        float[] o = new float[v.length];
        for (int i = 0; i < v.length; i++) o[i] = (float) (v[i] / Math.sqrt(n));
        return o;
    }
}
