-- The realistic mix for wrk: signed-in members reading and writing as on a working day.
-- Run by bench/realistic.sh, which signs the members in and writes the data file:
--
--   wrk -t16 -c16 -d30s -s bench/realistic.lua http://127.0.0.1:8000 -- <data file> <threads> \
--       [<mix>] [<writes per member per minute>]
--
-- The data file has one tab-separated line per member — `member <email> <sessionid> <csrftoken>
-- <community slugs> <item paths> <writable item ids>` (lists comma-separated) — and one
-- `words <w1,w2,...>` line of search words. Members are dealt out to the threads; each request
-- picks its kind by the mix (default below) and a member of the thread at random: the member's
-- home page, one of their communities' pages, one of the items they may read, a search, or a
-- write on an item they may write on. Writes go to the thread's members in turn, and a member
-- who has made <writes per member per minute> (default 20; the server refuses more than
-- GUILDHALL_WRITE_RATE_PER_MINUTE, 30) in the current minute is skipped: no member writes faster
-- than a person would, however fast the server answers.
--
-- Run with one connection per thread (-t equal to -c): each thread then has one request in
-- flight, so each response is matched with its request — its kind, what it should have been
-- and its latency — and `done` prints the counts, errors and p50/p99 of each kind.

local ffi = require("ffi")
ffi.cdef([[
typedef struct { long tv_sec; long tv_nsec; } guildhall_timespec;
int clock_gettime(int clock, guildhall_timespec *ts);
]])
local CLOCK_MONOTONIC = 1
local timespec = ffi.new("guildhall_timespec")
local function now_ms()
    ffi.C.clock_gettime(CLOCK_MONOTONIC, timespec)
    return tonumber(timespec.tv_sec) * 1000 + tonumber(timespec.tv_nsec) / 1e6
end

-- Kinds in the order they are reported, and the default mix in percent.
local KINDS = { "item", "home", "community", "search", "comment", "rate", "rate-api" }
local DEFAULT_MIX = "item=40,home=25,community=20,search=10,comment=2.5,rate=1.25,rate-api=1.25"
local WRITES = { comment = true, rate = true, ["rate-api"] = true }

local COMMENTS = {
    "Thanks for sharing this, it is useful for our team.",
    "We tried something similar at our site last quarter; happy to compare notes.",
    "Good point. Could you say more about how you measured it?",
    "+1, this matches what we have seen too.",
    "Adding this to our next team meeting's agenda.",
}

local function split(text, separator)
    local parts = {}
    if text == nil or text == "" then
        return parts
    end
    for part in (text .. separator):gmatch("(.-)" .. separator) do
        parts[#parts + 1] = part
    end
    return parts
end

local function urlencode(text)
    return (text:gsub("[^%w%-%._~]", function(c)
        return string.format("%%%02X", string.byte(c))
    end))
end

-- Latency histogram buckets: 1 ms up to 100 ms, 10 ms up to 1 s, 100 ms beyond.
local function bucket(ms)
    if ms < 100 then
        return math.floor(ms)
    elseif ms < 1000 then
        return 100 + math.floor((ms - 100) / 10)
    end
    return 190 + math.floor((ms - 1000) / 100)
end

local function bucket_top(index) -- the bucket's upper bound, in ms
    if index < 100 then
        return index + 1
    elseif index < 190 then
        return 100 + (index - 99) * 10
    end
    return 1000 + (index - 189) * 100
end

-- Main state: number the threads, keep them for `done`.
local threads = {}

function setup(thread)
    threads[#threads + 1] = thread
    thread:set("thread_id", #threads)
end

-- Thread state. `stats` is flat (string keys, numbers or strings): wrk copies it to `done`.
local members, words, mix = {}, {}, {}
local write_turn, write_limit = 0, 20
local pending = nil
stats = {}

local function add(key, n)
    stats[key] = (stats[key] or 0) + (n or 1)
end

function init(args)
    local data, thread_count = args[1], tonumber(args[2] or "1")
    write_limit = tonumber(args[4] or "20")
    local total = 0
    for _, entry in ipairs(split(args[3] ~= nil and args[3] ~= "" and args[3] or DEFAULT_MIX, ",")) do
        local kind, share = entry:match("^([%w%-]+)=([%d%.]+)$")
        if kind == nil then
            error("bad mix entry: " .. entry)
        end
        total = total + tonumber(share)
        mix[#mix + 1] = { kind = kind, upto = total }
    end
    for _, step in ipairs(mix) do
        step.upto = step.upto / total
    end

    local file = assert(io.open(data, "r"), "cannot read " .. tostring(data))
    local index = 0
    for line in file:lines() do
        local fields = split(line, "\t")
        if fields[1] == "member" then
            index = index + 1
            if (index - 1) % thread_count == thread_id - 1 then
                members[#members + 1] = {
                    email = fields[2],
                    cookie = "sessionid=" .. fields[3] .. "; csrftoken=" .. fields[4],
                    csrf = fields[4],
                    communities = split(fields[5], ","),
                    items = split(fields[6], ","),
                    writable = split(fields[7], ","),
                    window = -1,
                    writes = 0,
                }
            end
        elseif fields[1] == "words" then
            words = split(fields[2], ",")
        end
    end
    file:close()
    if #members == 0 then
        error("thread " .. thread_id .. " has no member: fewer members than threads?")
    end
    math.randomseed(1000 + thread_id)
    stats.members = #members
    stats.write_limit = write_limit
end

local function pick(list)
    return list[math.random(#list)]
end

-- The next member in turn who may still write this minute, or nil.
local function writer()
    local window = math.floor(os.time() / 60)
    for _ = 1, #members do
        write_turn = write_turn % #members + 1
        local member = members[write_turn]
        if member.window ~= window then
            member.window, member.writes = window, 0
        end
        if member.writes < write_limit and #member.writable > 0 then
            member.writes = member.writes + 1
            if member.writes > (stats.most_writes or 0) then
                stats.most_writes = member.writes
            end
            return member
        end
    end
    return nil
end

local function page(member, kind, path)
    pending = { kind = kind, expect = 200, start = now_ms(), path = path }
    return wrk.format("GET", path, { Cookie = member.cookie })
end

local function write(member, kind)
    local pk = pick(member.writable)
    local headers = { Cookie = member.cookie, ["X-CSRFToken"] = member.csrf }
    local path, body, method, expect, check
    if kind == "comment" then
        -- The item page's comment form; answered with a redirect to the new comment.
        method, path, expect, check = "POST", "/content/" .. pk .. "/comments/", 302, "#comment-"
        body = "body=" .. urlencode(pick(COMMENTS))
        headers["Content-Type"] = "application/x-www-form-urlencoded"
    elseif kind == "rate" then
        -- The item page's stars, sent by htmx; answered with the engagement section.
        method, path, expect, check = "POST", "/content/" .. pk .. "/rate/", 200, "You rated this"
        body = "stars=" .. math.random(5)
        headers["Content-Type"] = "application/x-www-form-urlencoded"
        headers["HX-Request"] = "true"
    else
        method, path, expect, check = "PUT", "/api/v1/content/" .. pk .. "/rating", 200, '"stars"'
        body = '{"stars": ' .. math.random(5) .. "}"
        headers["Content-Type"] = "application/json"
    end
    pending = { kind = kind, expect = expect, check = check, start = now_ms(), path = path }
    return wrk.format(method, path, headers, body)
end

function request()
    local r, kind = math.random(), "item"
    for _, step in ipairs(mix) do
        if r <= step.upto then
            kind = step.kind
            break
        end
    end
    if WRITES[kind] then
        local member = writer()
        if member ~= nil then
            return write(member, kind)
        end
        add("writes_skipped")
        kind = "item"
    end
    local member = pick(members)
    if kind == "home" then
        return page(member, kind, "/")
    elseif kind == "community" then
        return page(member, kind, "/c/" .. pick(member.communities) .. "/")
    elseif kind == "search" then
        return page(member, kind, "/search/?q=" .. urlencode(pick(words)))
    end
    return page(member, "item", pick(member.items))
end

function response(status, headers, body)
    local sent = pending
    pending = nil
    if sent == nil then
        return
    end
    local kind = sent.kind
    add("n." .. kind)
    add("h." .. kind .. "." .. bucket(now_ms() - sent.start))
    local class = math.floor(status / 100)
    add("s." .. kind .. "." .. class .. "xx")
    local ok = status == sent.expect
    if ok and sent.check ~= nil then
        local where = status == 302 and (headers["Location"] or headers["location"] or "") or body
        ok = where ~= nil and where:find(sent.check, 1, true) ~= nil
    end
    if not ok then
        add("bad." .. kind)
        if stats["first." .. kind] == nil then
            stats["first." .. kind] = status .. " " .. sent.path
        end
    end
end

local function percentile(histogram, count, fraction)
    local want, seen = math.max(1, math.ceil(count * fraction)), 0
    local indexes = {}
    for index in pairs(histogram) do
        indexes[#indexes + 1] = index
    end
    table.sort(indexes)
    for _, index in ipairs(indexes) do
        seen = seen + histogram[index]
        if seen >= want then
            return bucket_top(index)
        end
    end
    return 0
end

local function format_ms(ms)
    if ms >= 1000 then
        return string.format("%.2fs", ms / 1000)
    end
    return string.format("%dms", ms)
end

function done(summary, latency, requests)
    -- Add up the threads' stats.
    local all = {}
    for _, thread in ipairs(threads) do
        for key, value in pairs(thread:get("stats") or {}) do
            if type(value) == "number" then
                if key == "most_writes" or key == "write_limit" then
                    all[key] = math.max(all[key] or 0, value)
                else
                    all[key] = (all[key] or 0) + value
                end
            elseif all[key] == nil then
                all[key] = value
            end
        end
    end
    local total = 0
    for _, kind in ipairs(KINDS) do
        total = total + (all["n." .. kind] or 0)
    end
    local seconds = summary.duration / 1e6
    print("")
    print(string.format("Realistic mix: %d members, %d answers matched in %.1f s", all.members or 0,
        total, seconds))
    print(string.format("%-10s %6s %8s %7s %6s %6s %6s %6s %6s %9s %9s", "kind", "share", "answers",
        "req/s", "2xx", "3xx", "4xx", "5xx", "wrong", "p50", "p99"))
    local errors, wrong, writes = 0, 0, 0
    for _, kind in ipairs(KINDS) do
        local n = all["n." .. kind] or 0
        local histogram = {}
        local prefix = "h." .. kind .. "."
        for key, value in pairs(all) do
            if key:sub(1, #prefix) == prefix then
                histogram[tonumber(key:sub(#prefix + 1))] = value
            end
        end
        local function class(c)
            return all["s." .. kind .. "." .. c .. "xx"] or 0
        end
        errors = errors + class(4) + class(5)
        wrong = wrong + (all["bad." .. kind] or 0)
        if WRITES[kind] then
            writes = writes + n
        end
        if n > 0 then
            print(string.format("%-10s %5.1f%% %8d %7.1f %6d %6d %6d %6d %6d %9s %9s", kind,
                100 * n / math.max(total, 1), n, n / seconds, class(2), class(3), class(4),
                class(5), all["bad." .. kind] or 0, format_ms(percentile(histogram, n, 0.5)),
                format_ms(percentile(histogram, n, 0.99))))
        end
    end
    print(string.format("writes: %d, a rate of %.1f a minute per member; at most %d by one member "
        .. "within a clock minute (the script's limit: %d); writes skipped for it: %d", writes,
        writes / math.max(all.members or 1, 1) / (seconds / 60), all.most_writes or 0,
        all.write_limit or 0, all.writes_skipped or 0))
    print(string.format("errors (HTTP 4xx/5xx): %d; wrong answers (not the expected status or "
        .. "content): %d; socket errors: %d", errors, wrong, summary.errors.connect
        + summary.errors.read + summary.errors.write + summary.errors.timeout))
    for _, kind in ipairs(KINDS) do
        if all["first." .. kind] ~= nil then
            print(string.format("first wrong %s: %s", kind, all["first." .. kind]))
        end
    end
end
