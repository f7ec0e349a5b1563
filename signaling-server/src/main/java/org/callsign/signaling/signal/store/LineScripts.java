package org.callsign.signaling.signal.store;

/**
 * The Lua scripts of {@link RedisLineRecords}: each write, and the takeover, is one script, so that it checks that this
 * node is the client's home and changes the record in one step that no other node's write can split.
 */
final class LineScripts {
    private LineScripts() {}

    /**
     * {@code KEYS}: the record, a list (a device's held messages or a call's held candidates), the client's home key;
     * {@code ARGV}: this node, the time to live in ms, the operation ({@code set}, {@code unset}, {@code push},
     * {@code trim}, {@code drop}, {@code call}) and its arguments. {@code call} sets the state field and, if given, the
     * start field, and keeps the first so many of the list. Returns 1 if it wrote, 0 if this node is not the client's
     * home.
     */
    static final String WRITE =
            """
            if redis.call('GET', KEYS[3]) ~= ARGV[1] then
              return 0
            end
            local op = ARGV[3]
            if op == 'set' then
              redis.call('HSET', KEYS[1], 'home', ARGV[1], ARGV[4], ARGV[5])
            elseif op == 'unset' then
              redis.call('HDEL', KEYS[1], ARGV[4])
            elseif op == 'push' then
              redis.call('RPUSH', KEYS[2], ARGV[4])
              redis.call('PEXPIRE', KEYS[2], ARGV[2])
            elseif op == 'trim' then
              redis.call('LTRIM', KEYS[2], ARGV[4], -1)
            elseif op == 'drop' then
              redis.call('DEL', KEYS[2])
              for i = 4, #ARGV do
                if ARGV[i] ~= '' then
                  redis.call('HDEL', KEYS[1], ARGV[i])
                end
              end
            elseif op == 'call' then
              redis.call('HSET', KEYS[1], 'home', ARGV[1], ARGV[4], ARGV[5])
              if ARGV[7] ~= '' then
                redis.call('HSET', KEYS[1], ARGV[6], ARGV[7])
              end
              local keep = tonumber(ARGV[8])
              if keep == 0 then
                redis.call('DEL', KEYS[2])
              else
                redis.call('LTRIM', KEYS[2], 0, keep - 1)
                redis.call('PEXPIRE', KEYS[2], ARGV[2])
              end
            end
            if redis.call('HLEN', KEYS[1]) <= 1 then
              redis.call('DEL', KEYS[1])
            else
              redis.call('PEXPIRE', KEYS[1], ARGV[2])
            end
            return 1
            """;

    /**
     * {@code KEYS}: the record, the client's home key; {@code ARGV}: this node, the time to live in ms, the prefix of
     * the client's held lists, the prefix of its calls' held lists. If this node is the client's home and the record
     * another node's, makes it this node's and returns its fields, for each line the device id and its held messages,
     * and for each call its key and its held candidates; else nil.
     */
    static final String TAKE_OVER =
            """
            if redis.call('GET', KEYS[2]) ~= ARGV[1] then
              return false
            end
            local home = redis.call('HGET', KEYS[1], 'home')
            if not home or home == ARGV[1] then
              return false
            end
            redis.call('HSET', KEYS[1], 'home', ARGV[1])
            redis.call('PEXPIRE', KEYS[1], ARGV[2])
            local fields = redis.call('HGETALL', KEYS[1])
            local held = {}
            local candidates = {}
            for i = 1, #fields, 2 do
              if string.sub(fields[i], 1, 5) == 'line:' then
                local device = string.sub(fields[i], 6)
                held[#held + 1] = device
                held[#held + 1] = redis.call('LRANGE', ARGV[3] .. device, 0, -1)
                redis.call('PEXPIRE', ARGV[3] .. device, ARGV[2])
              elseif string.sub(fields[i], 1, 5) == 'call:' then
                local call = string.sub(fields[i], 6)
                candidates[#candidates + 1] = call
                candidates[#candidates + 1] = redis.call('LRANGE', ARGV[4] .. call, 0, -1)
                redis.call('PEXPIRE', ARGV[4] .. call, ARGV[2])
              end
            end
            return {fields, held, candidates}
            """;
}
