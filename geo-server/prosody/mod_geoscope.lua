-- mod_geoscope: asks geo-server whether a participant may join a MUC room, and with what.
--
-- Load it on a MUC component (Prosody 0.12, the line Jitsi Meet uses):
--
--   Component "conference.meet.example.org" "muc"
--       modules_enabled = { "geoscope" }
--       geoscope_url = "http://127.0.0.1:8470/v1/decide"  -- geo-server on loopback
--       geoscope_fail_mode = "closed"      -- or "open": what happens when geo-server cannot answer
--       geoscope_timeout = 2               -- seconds to wait for an answer
--       geoscope_room_tags = { ["june4-memorial"] = { "june-fourth" } }  -- room name -> meeting tags
--
-- On muc-occupant-pre-join it sends the occupant's client address (session.ip, which Prosody sets
-- from X-Forwarded-For when the peer is one of its trusted_proxies) to geo-server with Prosody's
-- asynchronous net.http, and waits in the session's async runner, so the server never blocks.
-- A deny refuses the join with <not-allowed/> whose text is the decision's reason. A decision
-- that disables chat admits the occupant, and that occupant's groupchat messages are answered with
-- <not-allowed/> and not delivered. Nothing else changes: the room, the other occupants and every
-- account are left alone. The module never logs an address.
--
-- Other modules can add meeting tags or features for a room by hooking "geoscope-meeting" on the
-- component: function(event) table.insert(event.meeting.tags, "june-fourth") end.

local array = require "util.array";
local async = require "util.async";
local http = require "net.http";
local json = require "util.json";
local jid_node = require "util.jid".node;
local st = require "util.stanza";

local url = module:get_option_string("geoscope_url", "http://127.0.0.1:8470/v1/decide");
local fail_mode = module:get_option_string("geoscope_fail_mode", "closed");
local timeout = module:get_option_number("geoscope_timeout", 2);
local room_tags = module:get_option("geoscope_room_tags", {});
local unavailable_text = module:get_option_string("geoscope_unavailable_text",
	"The admission check is unavailable; please try again later.");
local chat_text = module:get_option_string("geoscope_chat_text",
	"Chat is not available to you in this meeting.");

if fail_mode ~= "closed" and fail_mode ~= "open" then
	module:log("error", "geoscope_fail_mode must be \"closed\" or \"open\"; using \"closed\"");
	fail_mode = "closed";
end

-- Occupants whose chat is disabled: [room jid][occupant bare jid] = reason. Module memory only.
local no_chat = {};

local function meeting_for(room)
	local node = jid_node(room.jid);
	-- util.array values encode as JSON arrays even when empty.
	local meeting = { tags = array(room_tags[node] or {}), features = array() };
	module:fire_event("geoscope-meeting", { room = room, meeting = meeting });
	return meeting;
end

-- Asks geo-server; returns the decoded answer, or nil and a short error (never an address).
local function ask(request_body)
	if not async.ready() then
		return nil, "not in an async runner";
	end
	local wait, done = async.waiter(1, true);
	local finished, answer, err = false, nil, nil;
	local req = http.request(url, {
		method = "POST";
		body = request_body;
		headers = { ["Content-Type"] = "application/json" };
	}, function (body, code)
		if finished then return; end
		finished = true;
		if code == 200 then
			answer = json.decode(body);
			if type(answer) ~= "table" then err = "unreadable answer"; answer = nil; end
		elseif code == 0 then
			err = "unreachable";
		else
			-- geo-server's error messages name the field and never carry a value sent.
			local problem = json.decode(body or "");
			err = "status " .. tostring(code) .. (type(problem) == "table" and problem.error and (": " .. tostring(problem.error)) or "");
		end
		done();
	end);
	module:add_timer(timeout, function ()
		if finished then return; end
		finished = true;
		err = "timeout";
		if req then pcall(http.destroy_request, req); end
		done();
	end);
	wait();
	return answer, err;
end

module:hook("muc-occupant-pre-join", function (event)
	local origin, room, stanza, occupant = event.origin, event.room, event.stanza, event.occupant;
	local affiliation = room:get_affiliation(occupant.bare_jid);
	local participant = {
		id = occupant.bare_jid;
		role = (affiliation == "owner" or event.is_new_room) and "host" or "attendee";
		address = origin.ip;
	};
	local answer, err = ask(json.encode({ participant = participant, meeting = meeting_for(room) }));
	if not answer then
		if fail_mode == "open" then
			module:log("warn", "geo-server could not answer (%s); admitting to %s (fail open)", err, room.jid);
			return;
		end
		module:log("warn", "geo-server could not answer (%s); refusing a join to %s (fail closed)", err, room.jid);
		origin.send(st.error_reply(stanza, "cancel", "not-allowed", unavailable_text));
		return true;
	end
	if answer.admitted == false then
		module:log("info", "join to %s refused: %s in %s", room.jid, tostring(answer.outcome), tostring(answer.jurisdiction));
		origin.send(st.error_reply(stanza, "cancel", "not-allowed", answer.reason));
		return true;
	end
	for _, feature in ipairs(answer.disabled or {}) do
		if feature == "chat" then
			no_chat[room.jid] = no_chat[room.jid] or {};
			no_chat[room.jid][occupant.bare_jid] = answer.reason;
			module:log("info", "join to %s admitted without chat: %s", room.jid, tostring(answer.jurisdiction));
		end
	end
end, 10);

module:hook("muc-occupant-groupchat", function (event)
	local restricted = no_chat[event.room.jid];
	local reason = restricted and event.occupant and restricted[event.occupant.bare_jid];
	if not reason then return; end
	event.origin.send(st.error_reply(event.stanza, "cancel", "not-allowed", chat_text .. " (" .. reason .. ")"));
	return true;
end, 10);

module:hook("muc-occupant-left", function (event)
	local restricted = no_chat[event.room.jid];
	if restricted and event.occupant then
		restricted[event.occupant.bare_jid] = nil;
		if next(restricted) == nil then no_chat[event.room.jid] = nil; end
	end
end);

module:hook("muc-room-destroyed", function (event)
	no_chat[event.room.jid] = nil;
end);
