package org.envmon.calc;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code envmon calc water} end to end: stdin and file, output cells, passthrough, bad input. */
class CalcWaterCommandTest {

    private record Run(int exit, String out, String err) {
        List<String> lines() {
            return out.lines().toList();
        }
    }

    private static Run run(String stdin, String... args) {
        CalcWaterCommand cmd = new CalcWaterCommand();
        cmd.input.stdin = new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = new CommandLine(cmd);
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int exit = cl.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    private static final String INPUT = String.join("\n",
            "site,ph,do,codmn,nh3n,tp,tn,fecal_coliform",
            "A,7.5,8,3.5,0.6,0.08,5,100",
            "B,9.5,1,9,3.1,0.3,,",
            "C,,,,,,0.3,",
            "D,7,6,2,0.15,0.02,0.2,200") + "\n";

    @Test
    void riverFromStdin() {
        Run r = run(INPUT, "--waterbody", "river");
        assertThat(r.exit()).isZero();
        assertThat(r.err()).isEmpty();
        assertThat(r.lines()).containsExactly(
                "site,ph,do,codmn,nh3n,tp,tn,fecal_coliform,class,class_ph,class_do,class_codmn,class_nh3n,class_tp,"
                        + "class_tn,class_fecal_coliform,exceeding,edition",
                "A,7.5,8,3.5,0.6,0.08,5,100,III,I,I,II,III,II,劣V,I,,2002",
                "B,9.5,1,9,3.1,0.3,,,劣V,劣V,劣V,IV,劣V,IV,,,nh3n:2.10;codmn:0.50;tp:0.50,2002",
                "C,,,,,,0.3,,,,,,,,II,,,2002",
                "D,7,6,2,0.15,0.02,0.2,200,II,I,II,I,I,I,I,I,,2002");
    }

    @Test
    void lakeFromAFileWithEditionOption(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("in.csv");
        Files.writeString(f, "tp,note\n0.08,x\n0.05,\"a, b\"\n0.2001,\n", StandardCharsets.UTF_8);
        Run r = run("", "--waterbody", "lake", "--edition", "2026", f.toString());
        assertThat(r.exit()).isZero();
        assertThat(r.lines()).containsExactly(
                "tp,note,class,class_tp,exceeding,edition",
                "0.08,x,IV,IV,tp:0.60,2002",
                "0.05,\"a, b\",III,III,,2002",
                "0.2001,,劣V,劣V,tp:3.00,2002");
    }

    @Test
    void badCellsAreReportedWithLineAndColumnAndOtherRowsStillProcessed() {
        String in = "site,nh3n,tp\nA,abc,0.1\nB,0.6,0.1\nC,0.2,-0.1\nD,1.6,0.1\n";
        Run r = run(in, "--waterbody", "river");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains(":2:2 (nh3n)").contains("not a number")
                .contains(":4:3 (tp)").contains("negative");
        assertThat(r.lines()).containsExactly(
                "site,nh3n,tp,class,class_nh3n,class_tp,exceeding,edition",
                "A,abc,0.1,,,,,2002",
                "B,0.6,0.1,III,III,II,,2002",
                "C,0.2,-0.1,,,,,2002",
                "D,1.6,0.1,V,V,II,nh3n:0.60,2002");
    }

    @Test
    void phAboveFourteenIsBadInput() {
        Run r = run("ph\n15\n7\n", "--waterbody", "river");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains(":2:1 (ph)");
        assertThat(r.lines()).containsExactly("ph,class,class_ph,exceeding,edition", "15,,,,2002", "7,I,I,,2002");
    }

    @Test
    void unknownOrBadOptionsExitWithTwo() {
        assertThat(run("ph\n7\n", "--waterbody", "river", "--bogus").exit()).isEqualTo(2);
        assertThat(run("ph\n7\n", "--waterbody", "sea").exit()).isEqualTo(2);
        assertThat(run("ph\n7\n", "--waterbody", "river", "--edition", "1999").exit()).isEqualTo(2);
        assertThat(run("ph\n7\n").exit()).isEqualTo(2); // --waterbody is required
    }
}
