package dev.firmaccess.keycloak.access;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firmaccess.keycloak.access.BusinessDirectory.Index;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class BusinessDirectoryIndexTest {

    /** UUIDs on both sides of the sign of each half, where a wrong order of the halves would lose them. */
    private static final List<String> EDGE_UUIDS = List.of(
            "00000000-0000-0000-0000-000000000000",
            "00000000-0000-0000-ffff-ffffffffffff",
            "7fffffff-ffff-ffff-7fff-ffffffffffff",
            "80000000-0000-0000-8000-000000000000",
            "ffffffff-ffff-ffff-ffff-ffffffffffff");

    @Nested
    class GivenAFirmOfUuidAndOtherIds {

        private final List<String> uuids = manyUuids();
        private final List<String> others = List.of("legacy-42", "B-0001", "zz", "ACME/7");
        private final Index index = Index.of(mixed(uuids, others));

        @Test
        void namesEveryUuidIdItWasBuiltFrom() {
            assertThat(uuids).allSatisfy(id -> assertThat(index.contains(id)).as(id).isTrue());
        }

        @Test
        void namesEveryOtherIdItWasBuiltFrom() {
            assertThat(others).allSatisfy(id -> assertThat(index.contains(id)).as(id).isTrue());
        }

        @Test
        void namesNoAbsentUuid() {
            assertThat(List.of(uuid("absent"), "00000000-0000-0000-0000-000000000001",
                    "7fffffff-ffff-ffff-8000-000000000000", "ffffffff-ffff-ffff-ffff-fffffffffffe"))
                    .allSatisfy(id -> assertThat(index.contains(id)).as(id).isFalse());
        }

        @Test
        void namesNoAbsentOtherId() {
            assertThat(List.of("legacy-43", "b-0001", "", "z", "zzz"))
                    .allSatisfy(id -> assertThat(index.contains(id)).as(id).isFalse());
        }

        @Test
        void namesNoUuidWrittenInUpperCaseItHoldsInLowerCase() {
            String stored = uuids.get(4);

            assertThat(index.contains(stored.toUpperCase())).isFalse();
        }
    }

    @Nested
    class GivenAnIdStoredAsUpperCaseUuidText {

        private static final String UPPER = "3F2504E0-4F89-11D3-9A0C-0305E82C3301";
        private final Index index = Index.of(List.of(UPPER, "9b2f6c1e-8c1d-4f3a-9e59-2c3d4e5f6a7b"));

        @Test
        void namesItAsTheSameText() {
            assertThat(index.contains(UPPER)).isTrue();
        }

        @Test
        void doesNotNameTheLowerCaseFormADifferentIdWouldHave() {
            assertThat(index.contains(UPPER.toLowerCase())).isFalse();
        }
    }

    @Nested
    class GivenNoIndex {

        @Test
        void noneNamesNothing() {
            assertThat(List.of(EDGE_UUIDS.get(0), uuid("business-1"), "legacy-42", ""))
                    .allSatisfy(id -> assertThat(Index.NONE.contains(id)).as(id).isFalse());
        }

        @Test
        void anIndexOfAFirmWithoutBusinessesNamesNothing() {
            Index empty = Index.of(List.of());

            assertThat(empty.contains(EDGE_UUIDS.get(4))).isFalse();
            assertThat(empty.contains("legacy-42")).isFalse();
        }
    }

    private static List<String> manyUuids() {
        List<String> ids = new ArrayList<>(EDGE_UUIDS);
        IntStream.range(0, 200).forEach(i -> ids.add(uuid("business-" + i)));
        return ids;
    }

    /** A UUID of the canonical lower-case form, the same on every run. */
    private static String uuid(String name) {
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
    }

    /** The ids interleaved, in no order, as the database may answer them. */
    private static List<String> mixed(List<String> uuids, List<String> others) {
        List<String> ids = new ArrayList<>(uuids);
        for (int i = 0; i < others.size(); i++) {
            ids.add(i * 7 % ids.size(), others.get(i));
        }
        return List.copyOf(ids);
    }
}
