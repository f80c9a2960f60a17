package vn.binhduong.sct.platform.inbox;

/**
 * How far a consumer has applied one partition: {@code appliedOffset} is the offset of the last applied record
 * (-1 when none), {@code endOffset} the offset the next record will get, so {@code lag = endOffset - appliedOffset - 1}.
 */
public record PartitionLag(String topic, int partition, long appliedOffset, long endOffset, long lag) {
}
