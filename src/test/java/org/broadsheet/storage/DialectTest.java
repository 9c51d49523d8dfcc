package org.broadsheet.storage;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DialectTest {

    @Test
    void tellsTheEngineFromTheJdbcUrl() {
        assertThat(Dialect.of("jdbc:sqlite:/var/lib/broadsheet/broadsheet.db")).isEqualTo(Dialect.SQLITE);
        assertThat(Dialect.of("jdbc:postgresql://db/news?user=u")).isEqualTo(Dialect.POSTGRESQL);
    }

    @Test
    void rejectsAnUnsupportedDatabaseUrlWithAHint() {
        assertThatThrownBy(() -> Dialect.of("jdbc:mysql://localhost/news"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("jdbc:sqlite:").hasMessageContaining("jdbc:postgresql:");
    }
}
