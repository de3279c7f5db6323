package org.medsign.device;

import java.util.Arrays;

/** An app release as the manual names it (M26: "1.0.22 build 8"), compared part by part, then by build. */
public record AppVersion(int[] parts, int build) implements Comparable<AppVersion> {

    public static AppVersion of(String version, int build) {
        if (version == null || !version.matches("\\d{1,4}(\\.\\d{1,4}){0,3}") || build < 0) {
            throw new IllegalArgumentException("malformed app version");
        }
        return new AppVersion(Arrays.stream(version.split("\\.")).mapToInt(Integer::parseInt).toArray(), build);
    }

    @Override
    public int compareTo(AppVersion other) {
        for (int i = 0; i < Math.max(parts.length, other.parts.length); i++) {
            int a = i < parts.length ? parts[i] : 0;
            int b = i < other.parts.length ? other.parts[i] : 0;
            if (a != b) {
                return Integer.compare(a, b);
            }
        }
        return Integer.compare(build, other.build);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AppVersion v && compareTo(v) == 0;
    }

    @Override
    public int hashCode() {
        return build;
    }

    @Override
    public String toString() {
        return String.join(".", Arrays.stream(parts).mapToObj(String::valueOf).toList()) + " build " + build;
    }
}
