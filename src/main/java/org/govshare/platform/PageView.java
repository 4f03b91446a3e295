package org.govshare.platform;

import java.util.List;
import java.util.function.Function;
import org.springframework.data.domain.Page;

/** One page of a list as the JSON API returns it: stable field names, independent of Spring Data. */
public record PageView<T>(List<T> items, int page, int size, long totalElements, int totalPages) {

    public static <T> PageView<T> of(Page<T> page) {
        return new PageView<>(page.getContent(), page.getNumber(), page.getSize(), page.getTotalElements(),
            page.getTotalPages());
    }

    public <R> PageView<R> map(Function<T, R> f) {
        return new PageView<>(items.stream().map(f).toList(), page, size, totalElements, totalPages);
    }
}
