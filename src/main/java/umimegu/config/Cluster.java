package umimegu.config;

import java.time.Duration;

/**
 * How this process takes part when several run against one database: which Discord shard it is
 * ({@code shard} of {@code shards}, Discord's sharding: guilds split by {@code (guild_id >> 22) % shards}),
 * and how often it looks at {@code models/current} for a model switched by another process.
 */
public record Cluster(int shard, int shards, Duration followModelsEvery) {
    public Cluster {
        if (shards < 1 || shard < 0 || shard >= shards) {
            throw new IllegalArgumentException("discord.shard must be 0.." + (shards - 1)
                    + " and discord.shards >= 1, got shard " + shard + " of " + shards);
        }
        if (followModelsEvery.isNegative() || followModelsEvery.isZero()) {
            throw new IllegalArgumentException("models.follow-seconds must be positive");
        }
    }

    public Cluster withShard(int newShard, int newShards) {
        return new Cluster(newShard, newShards, followModelsEvery);
    }
}
