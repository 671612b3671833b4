"""Safety judge benchmark: how many scams are flagged, how many ordinary messages are not, and how fast.

Run: ``python -m bench safety`` (about a minute). Labelled sets, reported separately (``SETS``: the
rounds' sets were tuned on after one held-out run; the ``unseen`` sets were never opened by the tuner and
``--show`` never prints them). The first four:
``safety_eval.yaml`` (the patterns were tuned on it), ``safety_frozen.yaml`` (written before
the first run, never tuned on, but its misses were seen before the last two rounds of
changes), ``safety_heldout.yaml`` (written after the first frozen run; its misses informed
the last round) and ``safety_final.yaml`` (written before the last round, evaluated once
after it: the honest "unseen" figure). See docs/safety.md for the history. Targets: ≥ 95 % of scams → scam, ≤ 1 % of
ordinary messages → scam, ≤ 5 % → suspicious; p99 < 5 ms per message. The baseline, in
the same run, is what one would write first: a keyword list ("otp", "trúng thưởng",
"chuyển khoản", "http", …) where any hit means scam; its time is measured the same way.
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import sys
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bot.safety.fold import fold  # noqa: E402
from bot.safety.judge import judge  # noqa: E402
from bot.safety.lists import shipped_data  # noqa: E402

SETS = {
    "tuning": ROOT / "bench" / "safety_eval.yaml",
    "frozen": ROOT / "bench" / "safety_frozen.yaml",
    "held-out": ROOT / "bench" / "safety_heldout.yaml",
    "final": ROOT / "bench" / "safety_final.yaml",
    "blind": ROOT / "bench" / "safety_blind.yaml",
    "fresh": ROOT / "bench" / "safety_fresh.yaml",
    "round 2": ROOT / "bench" / "safety_round2.yaml",  # a tuning set since round 3 (its misses were studied)
    "round 3": ROOT / "bench" / "safety_round3.yaml",
    # Written 2026-12-01 by someone who never saw the rules, the lists, the similarity data nor the
    # other sets; evaluated once. Never tune on it (and keep it out of safety_train.TRAIN).
    "unseen": ROOT / "bench" / "safety_unseen.yaml",
    "round 4": ROOT / "bench" / "safety_round4.yaml",  # hard ordinary posts, written 2026-12-01 to be tuned on
    "unseen 2": ROOT / "bench" / "safety_unseen2.yaml",  # written 2026-12-01 after round 3; never opened by the tuner
    "round 5": ROOT / "bench" / "safety_round5.yaml",  # everyday posts with money and links; tuned on
    "unseen 3": ROOT / "bench" / "safety_unseen3.yaml",  # written 2026-12-01 after round 4; never opened by the tuner
    "round 6": ROOT / "bench" / "safety_round6.yaml",  # many kinds of scam, written to be tuned on
    "round 6b": ROOT / "bench" / "safety_round6b.yaml",  # posts a naive filter would flag; tuned on
    "round 7": ROOT / "bench" / "safety_round7.yaml",  # plainly worded scams and their look-alikes, to be tuned on
    "round 8a": ROOT / "bench" / "safety_round8a.yaml",  # victims' reports, many kinds; tuned on
    "round 8b": ROOT / "bench" / "safety_round8b.yaml",  # what a family's phones receive; tuned on
    "round 9a": ROOT / "bench" / "safety_round9a.yaml",  # what a bank's customers showed it; tuned on
    "round 9b": ROOT / "bench" / "safety_round9b.yaml",  # what parents and students forwarded; tuned on
    "round 10": ROOT / "bench" / "safety_round10.yaml",  # readers' reports from every region; tuned on
    "unseen 4": ROOT / "bench" / "safety_unseen4.yaml",  # written during round 7; never opened
    "unseen 5": ROOT / "bench" / "safety_unseen5.yaml",  # written during round 8; never opened
    "unseen 6": ROOT / "bench" / "safety_unseen6.yaml",  # written during round 9; never opened
    "unseen 7": ROOT / "bench" / "safety_unseen7.yaml",  # written during round 10; never opened, measured once
    "round 11": ROOT / "bench" / "safety_round11.yaml",  # what a bank's fraud desk kept; tuned on
    "round 12": ROOT / "bench" / "safety_round12.yaml",  # what parents and villagers forwarded a teacher; tuned on
    "unseen 8": ROOT / "bench" / "safety_unseen8.yaml",  # written during rounds 11-12; never opened
    "round 13": ROOT / "bench" / "safety_round13.yaml",  # a Mekong hamlet admin's year of posts; tuned on
    "round 14": ROOT / "bench" / "safety_round14.yaml",  # an online sellers' group and their parents; tuned on
    "round 15": ROOT / "bench" / "safety_round15.yaml",  # villages and returnee workers, North-Central; tuned on
    "unseen 9": ROOT / "bench" / "safety_unseen9.yaml",  # written during rounds 13-14; never opened
    "round 16": ROOT / "bench" / "safety_round16.yaml",  # what a bank's customers brought to the counter; tuned on
    "round 17": ROOT / "bench" / "safety_round17.yaml",  # a Hà Nội suburban commune's groups; tuned on
    "round 18": ROOT / "bench" / "safety_round18.yaml",  # border villages, fishermen, workers to Cambodia; tuned on
    "unseen 10": ROOT
    / "bench"
    / "safety_unseen10.yaml",  # a newspaper's readers, written during round 16; never opened
    "round 19": ROOT / "bench" / "safety_round19.yaml",  # Mekong fruit farmers and their online sellers; tuned on
    "round 20": ROOT / "bench" / "safety_round20.yaml",  # a Hà Nội retirees' club and a class parents' group; tuned on
    "unseen 11": ROOT / "bench" / "safety_unseen11.yaml",  # Highlands growers, written with round 19; never opened
    "round 21": ROOT / "bench" / "safety_round21.yaml",  # fishing ports and tourism towns, South-Central; tuned on
    "round 22": ROOT / "bench" / "safety_round22.yaml",  # students' and boarding-house groups; tuned on
    "unseen 12": ROOT / "bench" / "safety_unseen12.yaml",  # Red River parishes, written with round 21; never opened
    "round 23": ROOT / "bench" / "safety_round23.yaml",  # workers abroad and their families; tuned on
    "round 24": ROOT / "bench" / "safety_round24.yaml",  # Hồ Chí Minh City alleys and markets; tuned on
    "round 25": ROOT / "bench" / "safety_round25.yaml",  # flood season, Quảng Bình / Quảng Trị; tuned on
    "round 26": ROOT / "bench" / "safety_round26.yaml",  # Lâm Đồng growers; tuned on
    "round 27": ROOT / "bench" / "safety_round27.yaml",  # retired miners, veterans; tuned on
    "round 28": ROOT / "bench" / "safety_round28.yaml",  # young factory workers; tuned on
    "round 29": ROOT / "bench" / "safety_round29.yaml",  # Mekong elders; tuned on
    "round 30": ROOT / "bench" / "safety_round30.yaml",  # online sellers, Hải Phòng; tuned on
    "round 31": ROOT / "bench" / "safety_round31.yaml",  # teachers, officials, Huế; tuned on
    "round 32": ROOT / "bench" / "safety_round32.yaml",  # Central Highlands growers; tuned on
    "round 33": ROOT / "bench" / "safety_round33.yaml",  # migrant workers' families; tuned on
    "unseen 13": ROOT / "bench" / "safety_unseen13.yaml",  # Hà Nội apartments and old wards; never opened
    "round 34": ROOT / "bench" / "safety_round34.yaml",  # Red River delta traders; tuned on
    "round 35": ROOT / "bench" / "safety_round35.yaml",  # Đà Nẵng, Quảng Trị; tuned on
    "unseen 14": ROOT / "bench" / "safety_unseen14.yaml",  # Cần Thơ and An Giang hamlets; never opened
    "round 36": ROOT / "bench" / "safety_round36.yaml",  # Nghệ An, Hà Tĩnh uplands; tuned, trained
    "unseen 15": ROOT / "bench" / "safety_unseen15.yaml",  # Thanh Hóa and Ninh Bình hamlets; never opened
    "unseen 16": ROOT / "bench" / "safety_unseen16.yaml",  # Quảng Bình, Quảng Trị coast; never opened
    "unseen 17": ROOT / "bench" / "safety_unseen17.yaml",  # Phú Yên, Bình Định; never opened
    "unseen 18": ROOT / "bench" / "safety_unseen18.yaml",  # Cần Thơ, Hậu Giang, Sóc Trăng; never opened
    "unseen 19": ROOT / "bench" / "safety_unseen19.yaml",  # Lâm Đồng, Đắk Nông; never opened
    "unseen 20": ROOT / "bench" / "safety_unseen20.yaml",  # Kiên Giang, An Giang, Phú Quốc; never opened
    "round 37": ROOT / "bench" / "safety_round37.yaml",  # Bình Dương, Đồng Nai workers; tuned, trained
    "round 38": ROOT / "bench" / "safety_round38.yaml",  # Mekong Delta farmers, sellers; tuned, trained
    "round 39": ROOT / "bench" / "safety_round39.yaml",  # Hà Nội urban wards; tuned, trained
    "round 40": ROOT / "bench" / "safety_round40.yaml",  # Gia Lai, Đắk Lắk; tuned, trained
    "round 41": ROOT / "bench" / "safety_round41.yaml",  # Hải Phòng, Quảng Ninh; tuned, trained
    "round 42": ROOT / "bench" / "safety_round42.yaml",  # Long An, Tây Ninh; tuned, trained
    "round 43": ROOT / "bench" / "safety_round43.yaml",  # Bắc Ninh, Bắc Giang; tuned, trained
    "round 44": ROOT / "bench" / "safety_round44.yaml",  # Hồ Chí Minh City outskirts, Đồng Nai; rules tuned
    "round 45": ROOT / "bench" / "safety_round45.yaml",  # Thanh Hóa, Nghệ An; tuned, trained
    "round 46": ROOT / "bench" / "safety_round46.yaml",  # Đà Nẵng, Quảng Nam; tuned, trained
    "round 47": ROOT / "bench" / "safety_round47.yaml",  # Thái Bình, Hưng Yên, Hải Dương; rules tuned
    "round 48": ROOT / "bench" / "safety_round48.yaml",  # Tiền Giang, Bến Tre; tuned, trained
    "round 49": ROOT / "bench" / "safety_round49.yaml",  # Hà Nội, Hà Nam; tuned, trained
    "round 50": ROOT / "bench" / "safety_round50.yaml",  # Đồng Nai, Bình Dương dormitories; rules tuned
    "round 51": ROOT / "bench" / "safety_round51.yaml",  # Nghệ An, Hà Tĩnh labour-export families; rules tuned
    "round 53": ROOT / "bench" / "safety_round53.yaml",  # Hà Giang, Lào Cai, Yên Bái; tuned, trained
    "round 54": ROOT / "bench" / "safety_round54.yaml",  # Thái Nguyên, Bắc Ninh factory towns; tuned, trained
    "unseen 21": ROOT / "bench" / "safety_unseen21.yaml",  # Bình Phước, Tây Ninh; written 2026-12-03, never opened
    "round 52": ROOT / "bench" / "safety_round52.yaml",  # Cà Mau, Bạc Liêu retellings; tuned, trained
    "unseen 22": ROOT / "bench" / "safety_unseen22.yaml",  # Quảng Bình, Quảng Trị, Huế; 2026-12-03, never opened
    "round 56": ROOT / "bench" / "safety_round56.yaml",  # nationwide raw texts, the newest tricks; tuned, trained
    "unseen 23": ROOT / "bench" / "safety_unseen23.yaml",  # Cần Thơ, Hậu Giang, Vĩnh Long; 2026-12-03, never opened
    "round 59": ROOT / "bench" / "safety_round59.yaml",  # Gia Lai, Kon Tum villages; tuned, trained
    "round 57": ROOT / "bench" / "safety_round57.yaml",  # Sóc Trăng, Trà Vinh Khmer families; tuned, trained
    "round 60": ROOT / "bench" / "safety_round60.yaml",  # Hải Dương, Hưng Yên, Thái Bình villages; tuned, trained
    "round 64": ROOT / "bench" / "safety_round64.yaml",  # Củ Chi, Hóc Môn, Long An; tuned, trained
    "unseen 24": ROOT / "bench" / "safety_unseen24.yaml",  # Khánh Hòa; 2026-12-03, never opened
    "round 62": ROOT / "bench" / "safety_round62.yaml",  # Quảng Ngãi, Bình Định, Phú Yên; tuned, trained
    "round 63": ROOT / "bench" / "safety_round63.yaml",  # Lạng Sơn, Cao Bằng, Bắc Kạn; tuned, trained
    "round 61": ROOT / "bench" / "safety_round61.yaml",  # Nam Định, Ninh Bình, Hà Nam parishes; tuned, trained
    "unseen 25": ROOT / "bench" / "safety_unseen25.yaml",  # Thái Bình, Hưng Yên; 2026-12-03, never opened
    "round 66": ROOT / "bench" / "safety_round66.yaml",  # Kiên Giang, Cà Mau; trained (no rule changed for it)
    "round 65": ROOT / "bench" / "safety_round65.yaml",  # Bắc Giang, Bắc Ninh; trained (no rule changed for it)
    "unseen 26": ROOT / "bench" / "safety_unseen26.yaml",  # Đắk Lắk, Phú Yên; 2026-12-03, never opened
    "round 67": ROOT / "bench" / "safety_round67.yaml",  # Thanh Hóa, Nghệ An, families working abroad; tuned, trained
    "round 68": ROOT / "bench" / "safety_round68.yaml",  # Đồng Nai, Bình Dương boarding houses; tuned, trained
    "unseen 27": ROOT / "bench" / "safety_unseen27.yaml",  # Lâm Đồng, Đắk Nông, Bình Thuận; 2026-12-03, never opened
    "unseen 28": ROOT / "bench" / "safety_unseen28.yaml",  # Quảng Ngãi, Kon Tum; 2026-12-03, never opened
    "round 69": ROOT / "bench" / "safety_round69.yaml",  # Hà Nội's outer communes, Hải Phòng; tuned, trained
    "round 70": ROOT / "bench" / "safety_round70.yaml",  # Gia Lai, Đắk Lắk, Kon Tum villages; tuned, trained
    "round 71": ROOT / "bench" / "safety_round71.yaml",  # Huế's rural districts, Đà Nẵng, Quảng Nam; tuned, trained
    "round 72": ROOT / "bench" / "safety_round72.yaml",  # Thái Bình, Hưng Yên, Nam Định parishes; tuned (not trained)
    "round 73": ROOT / "bench" / "safety_round73.yaml",  # Cần Thơ, Hậu Giang, Sóc Trăng; tuned (not trained)
    "unseen 29": ROOT / "bench" / "safety_unseen29.yaml",  # Huế, Quảng Trị, Quảng Bình; 2026-12-03, never opened
    "unseen 30": ROOT / "bench" / "safety_unseen30.yaml",  # Thái Nguyên, Phú Thọ; 2026-12-03, never opened
    "round 74": ROOT / "bench" / "safety_round74.yaml",  # Bắc Ninh, Bắc Giang industrial zones; tuned
    "round 75": ROOT / "bench" / "safety_round75.yaml",  # Đồng Tháp, Tiền Giang, An Giang; tuned
    "unseen 31": ROOT / "bench" / "safety_unseen31.yaml",  # Nghệ An, Hà Tĩnh; 2026-12-03, never opened
    "unseen 32": ROOT / "bench" / "safety_unseen32.yaml",  # Bình Dương, Đồng Nai, outer HCMC; never opened
    "round 76": ROOT / "bench" / "safety_round76.yaml",  # Hà Nam, Ninh Bình villages and parishes; tuned
    "round 77": ROOT / "bench" / "safety_round77.yaml",  # Quảng Nam, Đà Nẵng: hard ordinary posts; tuned
    "unseen 33": ROOT / "bench" / "safety_unseen33.yaml",  # Lào Cai, Yên Bái; 2026-12-03, never opened
    "round 78": ROOT / "bench" / "safety_round78.yaml",  # Tiền Giang, Long An; tuned
    "unseen 34": ROOT / "bench" / "safety_unseen34.yaml",  # Phú Thọ, Tuyên Quang, Hà Giang; never opened
    "round 79": ROOT / "bench" / "safety_round79.yaml",  # Lâm Đồng, Đắk Lắk: hard ordinary posts; tuned
    "unseen 35": ROOT / "bench" / "safety_unseen35.yaml",  # Hậu Giang, Sóc Trăng: hard ordinary; measured once
    "round 80": ROOT / "bench" / "safety_round80.yaml",  # Nam Định, Thái Bình; tuned
    "unseen 36": ROOT / "bench" / "safety_unseen36.yaml",  # Quảng Bình, Quảng Trị; never opened
    "round 81": ROOT / "bench" / "safety_round81.yaml",  # Bến Tre, Trà Vinh: hard ordinary posts; tuned
    "round 82": ROOT / "bench" / "safety_round82.yaml",  # Bắc Ninh, Bắc Giang; tuned
    "unseen 37": ROOT / "bench" / "safety_unseen37.yaml",  # Hải Phòng, Quảng Ninh; 2026-12-04, never opened
    "round 83": ROOT / "bench" / "safety_round83.yaml",  # An Giang, Kiên Giang: hard ordinary posts; tuned
    "unseen 38": ROOT / "bench" / "safety_unseen38.yaml",  # Gia Lai, Bình Định: hard ordinary; measured once
    "round 84": ROOT / "bench" / "safety_round84.yaml",  # Hà Tĩnh, northern Quảng Bình: hard scams; tuned
    "unseen 39": ROOT / "bench" / "safety_unseen39.yaml",  # Tây Ninh, Long An: hard scams; never opened
    "round 85": ROOT / "bench" / "safety_round85.yaml",  # Đắk Lắk, Phú Yên: hard ordinary posts; tuned
    "unseen 40": ROOT / "bench" / "safety_unseen40.yaml",  # Đồng Tháp, Tiền Giang: hard ordinary; never opened
    "round 86": ROOT / "bench" / "safety_round86.yaml",  # Ninh Bình, Nam Định, Hà Nam: hard scams; tuned
    "unseen 41": ROOT / "bench" / "safety_unseen41.yaml",  # Lào Cai, Yên Bái: hard scams; measured once at the end
    "round 87": ROOT / "bench" / "safety_round87.yaml",  # Khánh Hòa, Ninh Thuận: hard scams; tuned
    "round 88": ROOT / "bench" / "safety_round88.yaml",  # Hưng Yên, Thái Bình: hard scams; tuned
    "round 89": ROOT / "bench" / "safety_round89.yaml",  # Đà Nẵng, Quảng Nam: hard ordinary posts; tuned
    "unseen 42": ROOT / "bench" / "safety_unseen42.yaml",  # Cà Mau, Bạc Liêu: hard scams; measured once at the end
    "unseen 43": ROOT / "bench" / "safety_unseen43.yaml",  # Sơn La, Điện Biên, Lai Châu: hard scams; never opened
    "unseen 44": ROOT / "bench" / "safety_unseen44.yaml",  # Quảng Ngãi, Kon Tum: hard ordinary; never opened
    "unseen 45": ROOT / "bench" / "safety_unseen45.yaml",  # outskirts of Hà Nội: hard scams; never opened
    "round 90": ROOT / "bench" / "safety_round90.yaml",  # Đồng Nai, Bình Dương: hard scams; tuned
    "round 91": ROOT / "bench" / "safety_round91.yaml",  # Hải Phòng, Hải Dương: hard ordinary posts; tuned
    "round 92": ROOT / "bench" / "safety_round92.yaml",  # Vĩnh Long, Bến Tre, Trà Vinh: hard ordinary posts; tuned
    "unseen 46": ROOT / "bench" / "safety_unseen46.yaml",  # Bình Định, Phú Yên: hard scams; never opened
    "unseen 47": ROOT / "bench" / "safety_unseen47.yaml",  # An Giang, Kiên Giang: hard ordinary posts; never opened
    "round 93": ROOT / "bench" / "safety_round93.yaml",  # Tây Ninh, Long An: hard scams; tuned
    "round 94": ROOT / "bench" / "safety_round94.yaml",  # Lào Cai, Yên Bái: hard ordinary posts; tuned
    "unseen 48": ROOT / "bench" / "safety_unseen48.yaml",  # Khánh Hòa, Ninh Thuận: hard scams; never opened
    "unseen 49": ROOT / "bench" / "safety_unseen49.yaml",  # Bến Tre, Tiền Giang: hard ordinary posts; never opened
    "round 95": ROOT / "bench" / "safety_round95.yaml",  # Quảng Nam, Đà Nẵng: hard scams; tuned
    "round 96": ROOT / "bench" / "safety_round96.yaml",  # Bắc Giang, Bắc Ninh: hard ordinary posts; tuned
    "round 97": ROOT / "bench" / "safety_round97.yaml",  # Hà Nội outskirts, Hưng Yên: hard scams; tuned
    "round 98": ROOT / "bench" / "safety_round98.yaml",  # Quảng Trị, Huế: hard ordinary posts; tuned
    "unseen 50": ROOT / "bench" / "safety_unseen50.yaml",  # Bình Thuận, Lâm Đồng: hard scams; never opened
    "unseen 51": ROOT / "bench" / "safety_unseen51.yaml",  # Thanh Hóa, Ninh Bình: hard ordinary posts; never opened
    "round 100": ROOT / "bench" / "safety_round100.yaml",  # Cần Thơ, Hậu Giang: hard ordinary posts; tuned
    "round 99": ROOT / "bench" / "safety_round99.yaml",  # Gia Lai, Kon Tum: hard scams; tuned
    "round 101": ROOT / "bench" / "safety_round101.yaml",  # Phú Thọ, Vĩnh Phúc: hard scams; tuned
    "round 102": ROOT / "bench" / "safety_round102.yaml",  # Bình Phước, Đồng Nai: hard ordinary posts; tuned
    "round 103": ROOT / "bench" / "safety_round103.yaml",  # Nghệ An, Thanh Hóa: hard scams; tuned
    "round 104": ROOT / "bench" / "safety_round104.yaml",  # Sóc Trăng, Bạc Liêu: hard ordinary posts; tuned
    "round 105": ROOT / "bench" / "safety_round105.yaml",  # Hòa Bình, Sơn La: hard scams; tuned
    "round 106": ROOT / "bench" / "safety_round106.yaml",  # Quảng Ngãi, Bình Định: hard ordinary posts; tuned
    "round 107": ROOT / "bench" / "safety_round107.yaml",  # Vĩnh Long, Trà Vinh: hard scams; tuned
    "round 108": ROOT / "bench" / "safety_round108.yaml",  # Hà Nam, Nam Định: hard ordinary posts; tuned
    "round 112": ROOT / "bench" / "safety_round112.yaml",  # Cà Mau, Kiên Giang: hard ordinary posts; tuned
    "round 109": ROOT / "bench" / "safety_round109.yaml",  # Bình Dương, Tây Ninh: hard scams; tuned
    "round 110": ROOT / "bench" / "safety_round110.yaml",  # Hải Phòng, Quảng Ninh: hard ordinary posts; tuned
    "round 111": ROOT / "bench" / "safety_round111.yaml",  # Đắk Lắk, Gia Lai: hard scams; tuned
    "round 113": ROOT / "bench" / "safety_round113.yaml",  # Thái Bình, Hưng Yên: hard scams; tuned
    "round 114": ROOT / "bench" / "safety_round114.yaml",  # Huế, Quảng Bình: hard ordinary posts; tuned
    "round 115": ROOT / "bench" / "safety_round115.yaml",  # Cần Thơ, Sóc Trăng: hard scams; tuned
    "round 116": ROOT / "bench" / "safety_round116.yaml",  # Lạng Sơn, Cao Bằng: hard ordinary posts; tuned
    "unseen 52": ROOT / "bench" / "safety_unseen52.yaml",  # Bắc Giang, Bắc Ninh: hard scams; never opened
    "round 118": ROOT / "bench" / "safety_round118.yaml",  # Kiên Giang, Phú Quốc: hard ordinary posts; tuned
    "round 117": ROOT / "bench" / "safety_round117.yaml",  # Hà Tĩnh, Quảng Bình: hard scams; tuned
    "unseen 53": ROOT / "bench" / "safety_unseen53.yaml",  # Quảng Nam, Đà Nẵng: hard ordinary posts; never opened
    "round 120": ROOT / "bench" / "safety_round120.yaml",  # Nghệ An, Thanh Hóa: hard ordinary posts; tuned
    "round 119": ROOT / "bench" / "safety_round119.yaml",  # Lào Cai, Yên Bái: hard scams; tuned
    "round 121": ROOT / "bench" / "safety_round121.yaml",  # Vĩnh Long, Cần Thơ: hard scams; tuned
    "round 122": ROOT / "bench" / "safety_round122.yaml",  # Cà Mau, Bạc Liêu: hard ordinary posts; tuned
    "round 123": ROOT / "bench" / "safety_round123.yaml",  # Đắk Nông, Lâm Đồng: ordinary commerce; tuned
    "round 124": ROOT / "bench" / "safety_round124.yaml",  # Nam Định, Thái Bình: commerce-like scams; tuned
    "round 125": ROOT / "bench" / "safety_round125.yaml",  # Bình Thuận, Ninh Thuận: ordinary commerce; tuned
    "round 126": ROOT / "bench" / "safety_round126.yaml",  # Hậu Giang, Bạc Liêu: commerce-like scams; tuned
    "round 127": ROOT / "bench" / "safety_round127.yaml",  # Hưng Yên, Hải Dương: ordinary commerce; tuned
    "round 130": ROOT / "bench" / "safety_round130.yaml",  # Tiền Giang, Bến Tre: commerce-like scams; tuned
    "round 128": ROOT / "bench" / "safety_round128.yaml",  # Bình Phước, Tây Ninh: hard scams; tuned
    "round 129": ROOT / "bench" / "safety_round129.yaml",  # Quảng Trị, Huế: hard ordinary posts; tuned
    "round 133": ROOT / "bench" / "safety_round133.yaml",  # Sóc Trăng, Trà Vinh: hard ordinary posts; tuned
    "round 132": ROOT / "bench" / "safety_round132.yaml",  # Quảng Ninh, Hải Phòng: hard scams; tuned
    "round 134": ROOT / "bench" / "safety_round134.yaml",  # Đồng Nai, Vũng Tàu: commerce-like scams; tuned
    "round 135": ROOT / "bench" / "safety_round135.yaml",  # Khánh Hòa, Phú Yên: ordinary commerce; tuned
    "round 131": ROOT / "bench" / "safety_round131.yaml",  # Hà Nội outskirts, Hà Nam: ordinary commerce; tuned
    "round 138": ROOT / "bench" / "safety_round138.yaml",  # Vĩnh Long, Trà Vinh, Bến Tre: commerce-like scams; tuned
    "unseen 54": ROOT / "bench" / "safety_unseen54.yaml",  # Thanh Hóa, Nghệ An: hard ordinary posts; never opened
    "round 137": ROOT / "bench" / "safety_round137.yaml",  # Bắc Ninh, Bắc Giang, Lạng Sơn: ordinary commerce; tuned
    "round 136": ROOT / "bench" / "safety_round136.yaml",  # Hà Tĩnh, Quảng Bình: hard ordinary posts; tuned
    "unseen 55": ROOT / "bench" / "safety_unseen55.yaml",  # Cần Thơ, Hậu Giang: commerce-like scams; never opened
    "round 139": ROOT / "bench" / "safety_round139.yaml",  # Lâm Đồng, Đắk Lắk: ordinary commerce; tuned
    "round 140": ROOT / "bench" / "safety_round140.yaml",  # Hải Dương, Hưng Yên, Thái Bình: hard ordinary posts; tuned
    "round 141": ROOT / "bench" / "safety_round141.yaml",  # Cà Mau, Bạc Liêu: ordinary commerce; tuned
    "round 142": ROOT / "bench" / "safety_round142.yaml",  # Quảng Ngãi, Kon Tum: commerce-like scams; tuned
    "round 143": ROOT / "bench" / "safety_round143.yaml",  # Hòa Bình, Sơn La, Phú Thọ: hard ordinary posts; tuned
    "round 144": ROOT / "bench" / "safety_round144.yaml",  # Bình Dương, Tây Ninh: ordinary commerce; tuned
    "round 145": ROOT / "bench" / "safety_round145.yaml",  # Quảng Nam, Đà Nẵng: hard scams; tuned
    "round 146": ROOT / "bench" / "safety_round146.yaml",  # Tiền Giang, Bến Tre: hard ordinary posts; tuned
    "round 147": ROOT / "bench" / "safety_round147.yaml",  # Thái Nguyên, Tuyên Quang: ordinary commerce; tuned
    "unseen 56": ROOT / "bench" / "safety_unseen56.yaml",  # Quảng Trị, Huế: hard scams; never opened
    "round 148": ROOT / "bench" / "safety_round148.yaml",  # Tiền Giang, Bến Tre: commerce-like scams; tuned
    "round 150": ROOT / "bench" / "safety_round150.yaml",  # Phú Yên, Khánh Hòa: ordinary commerce; tuned
    "round 149": ROOT / "bench" / "safety_round149.yaml",  # Đồng Nai, Bà Rịa–Vũng Tàu: hard ordinary posts; tuned
    "unseen 57": ROOT / "bench" / "safety_unseen57.yaml",  # Sóc Trăng, Trà Vinh: hard ordinary posts; never opened
    "round 151": ROOT / "bench" / "safety_round151.yaml",  # Vĩnh Long, Đồng Tháp: hard scams; tuned
    "round 152": ROOT / "bench" / "safety_round152.yaml",  # Bắc Ninh, Bắc Giang: commerce-like scams; tuned
    "round 153": ROOT / "bench" / "safety_round153.yaml",  # Đắk Nông, Bình Phước: hard scams; tuned
    "round 154": ROOT / "bench" / "safety_round154.yaml",  # Quảng Ngãi, Bình Định: hard scams; tuned
    "round 155": ROOT / "bench" / "safety_round155.yaml",  # Hưng Yên, Hải Dương: hard ordinary posts; tuned
    "unseen 58": ROOT / "bench" / "safety_unseen58.yaml",  # Gia Lai, Kon Tum: hard scams; never opened
    "round 156": ROOT / "bench" / "safety_round156.yaml",  # Ninh Thuận, Bình Thuận: hard ordinary posts; tuned
    "round 157": ROOT / "bench" / "safety_round157.yaml",  # Cần Thơ, Hậu Giang: ordinary commerce; tuned
    "round 158": ROOT / "bench" / "safety_round158.yaml",  # Lào Cai, Yên Bái: commerce-like scams; tuned
    "round 159": ROOT / "bench" / "safety_round159.yaml",  # Hà Nam, Ninh Bình: hard scams; tuned
    "round 160": ROOT / "bench" / "safety_round160.yaml",  # Bắc Giang, Lạng Sơn: hard ordinary posts; tuned
    "round 161": ROOT / "bench" / "safety_round161.yaml",  # Phú Thọ, Vĩnh Phúc: hard scams; tuned
    "round 162": ROOT / "bench" / "safety_round162.yaml",  # Đắk Lắk: hard scams; tuned
    "round 163": ROOT / "bench" / "safety_round163.yaml",  # Nam Định, Thái Bình: hard ordinary posts; tuned
    "round 164": ROOT / "bench" / "safety_round164.yaml",  # Bình Định, Phú Yên: hard scams; tuned
    "unseen 59": ROOT / "bench" / "safety_unseen59.yaml",  # Lào Cai, Yên Bái: hard scams; never opened
    "round 165": ROOT / "bench" / "safety_round165.yaml",  # Hà Nội: hard ordinary posts; tuned
    "round 166": ROOT / "bench" / "safety_round166.yaml",  # Thành phố Hồ Chí Minh: hard scams; tuned
    "round 167": ROOT / "bench" / "safety_round167.yaml",  # Đồng Tháp, Tiền Giang: ordinary commerce; tuned
    "round 168": ROOT / "bench" / "safety_round168.yaml",  # Hưng Yên, Bắc Ninh: commerce-like scams; tuned
    "round 169": ROOT / "bench" / "safety_round169.yaml",  # Quảng Bình, Quảng Trị: hard scams; tuned
    "unseen 60": ROOT / "bench" / "safety_unseen60.yaml",  # Nghệ An, Hà Tĩnh: hard scams; never opened
    "round 170": ROOT / "bench" / "safety_round170.yaml",  # Đồng Nai, Bà Rịa–Vũng Tàu: hard scams; tuned
    "round 171": ROOT / "bench" / "safety_round171.yaml",  # Thái Bình, Hà Nam: hard ordinary posts; tuned
    "round 172": ROOT / "bench" / "safety_round172.yaml",  # Cần Thơ, Vĩnh Long: commerce-like scams; tuned
    "round 175": ROOT / "bench" / "safety_round175.yaml",  # Kiên Giang, Cà Mau: hard ordinary posts; tuned
    "round 173": ROOT / "bench" / "safety_round173.yaml",  # Bình Dương, Tây Ninh: ordinary commerce; tuned
    "round 176": ROOT / "bench" / "safety_round176.yaml",  # Hải Phòng, Quảng Ninh: commerce-like scams; tuned
    "round 174": ROOT / "bench" / "safety_round174.yaml",  # Hà Tĩnh, Quảng Bình: hard scams; tuned
    "round 179": ROOT / "bench" / "safety_round179.yaml",  # An Giang, Đồng Tháp: ordinary commerce; tuned
    "round 180": ROOT / "bench" / "safety_round180.yaml",  # Thanh Hóa, Nghệ An: commerce-like scams; tuned
    "round 177": ROOT / "bench" / "safety_round177.yaml",  # Lâm Đồng, Đắk Lắk: hard scams; tuned
    "round 178": ROOT / "bench" / "safety_round178.yaml",  # Bắc Ninh, Hà Nội's outskirts: hard ordinary posts; tuned
    "round 182": ROOT / "bench" / "safety_round182.yaml",  # Vĩnh Long, Bến Tre, Trà Vinh: hard ordinary posts; tuned
    "round 183": ROOT / "bench" / "safety_round183.yaml",  # Đà Nẵng, Quảng Nam: commerce-like scams; tuned
    "unseen 61": ROOT / "bench" / "safety_unseen61.yaml",  # Tuyên Quang, Hà Giang: hard scams; never opened
    "round 181": ROOT / "bench" / "safety_round181.yaml",  # TP.HCM, Bình Dương: hard scams; tuned
    "round 184": ROOT / "bench" / "safety_round184.yaml",  # Hà Nội's rural communes: ordinary commerce; tuned
    "round 185": ROOT / "bench" / "safety_round185.yaml",  # Lạng Sơn, Cao Bằng: hard scams; tuned
    "round 186": ROOT / "bench" / "safety_round186.yaml",  # Hưng Yên, Hải Phòng: hard ordinary posts; tuned
    "round 187": ROOT / "bench" / "safety_round187.yaml",  # Khánh Hòa, Ninh Thuận: commerce-like scams; tuned
    "round 191": ROOT / "bench" / "safety_round191.yaml",  # Ninh Bình, Hà Nam, Nam Định: ordinary commerce; tuned
    "round 190": ROOT / "bench" / "safety_round190.yaml",  # Bắc Ninh, Bắc Giang: commerce-like scams; tuned
    "round 189": ROOT / "bench" / "safety_round189.yaml",  # Đắk Lắk, Phú Yên: hard ordinary posts; tuned
    "round 188": ROOT / "bench" / "safety_round188.yaml",  # Sơn La, Điện Biên: hard scams; tuned
    "round 193": ROOT / "bench" / "safety_round193.yaml",  # An Giang, Kiên Giang: hard scams; read on arrival
    "round 194": ROOT / "bench" / "safety_round194.yaml",  # Gia Lai, Bình Định: commerce-like scams; read on arrival
    "round 192": ROOT / "bench" / "safety_round192.yaml",  # Thanh Hóa: hard scams; read on arrival
    "unseen 62": ROOT / "bench" / "safety_unseen62.yaml",  # Huế, Quảng Trị: hard scams; never opened
    "round 195": ROOT / "bench" / "safety_round195.yaml",  # Phú Thọ, Vĩnh Phúc: hard scams; tuned
    "round 196": ROOT / "bench" / "safety_round196.yaml",  # Cần Thơ, Sóc Trăng, Hậu Giang: hard ordinary posts; tuned
    "round 197": ROOT / "bench" / "safety_round197.yaml",  # Vũng Tàu, Bình Thuận: commerce-like scams; tuned
    "round 198": ROOT / "bench" / "safety_round198.yaml",  # Thái Bình, Hải Dương: ordinary commerce; tuned
    "round 199": ROOT / "bench" / "safety_round199.yaml",  # Quảng Ngãi, Kon Tum: hard scams; tuned
    "round 200": ROOT / "bench" / "safety_round200.yaml",  # Nghệ An: hard ordinary posts; tuned
    "round 202": ROOT / "bench" / "safety_round202.yaml",  # Lâm Đồng, Đắk Nông: hard scams; tuned
    "round 201": ROOT / "bench" / "safety_round201.yaml",  # Đồng Tháp, Tiền Giang: commerce-like scams; tuned
    "round 203": ROOT / "bench" / "safety_round203.yaml",  # Hải Phòng, Quảng Ninh: hard ordinary posts; tuned
    "round 204": ROOT / "bench" / "safety_round204.yaml",  # Huế, Đà Nẵng: ordinary commerce; tuned
    "round 205": ROOT / "bench" / "safety_round205.yaml",  # Nghệ An, Hà Tĩnh: hard scams; tuned
    "round 206": ROOT / "bench" / "safety_round206.yaml",  # Cà Mau, Bạc Liêu: commerce-like scams; tuned
    "unseen 63": ROOT / "bench" / "safety_unseen63.yaml",  # Bình Định, Phú Yên: hard scams; never opened
    "round 207": ROOT / "bench" / "safety_round207.yaml",  # Lào Cai, Yên Bái: hard scams; tuned
    "round 208": ROOT / "bench" / "safety_round208.yaml",  # Bến Tre, Trà Vinh: hard ordinary posts; tuned
    "round 209": ROOT / "bench" / "safety_round209.yaml",  # Tây Ninh, Long An: commerce-like scams; tuned
    "round 210": ROOT / "bench" / "safety_round210.yaml",  # Hưng Yên, Bắc Ninh: hard ordinary posts; tuned
    "round 211": ROOT / "bench" / "safety_round211.yaml",  # Quảng Bình, Hà Tĩnh: ordinary commerce; tuned
    "round 212": ROOT / "bench" / "safety_round212.yaml",  # Cao Bằng, Lạng Sơn: hard scams; tuned
    "round 213": ROOT / "bench" / "safety_round213.yaml",  # Bình Dương, Bình Phước: commerce-like scams; tuned
    "unseen 64": ROOT / "bench" / "safety_unseen64.yaml",  # Cà Mau, Kiên Giang: hard scams; never opened
    "round 215": ROOT / "bench" / "safety_round215.yaml",  # Đồng Nai, Bà Rịa–Vũng Tàu: hard ordinary posts; tuned
    "round 214": ROOT / "bench" / "safety_round214.yaml",  # Phú Thọ, Hòa Bình: hard scams; tuned
    "round 216": ROOT / "bench" / "safety_round216.yaml",  # Cần Thơ, Hậu Giang: commerce-like scams; tuned
    "round 217": ROOT / "bench" / "safety_round217.yaml",  # Hà Nam, Thái Bình: ordinary commerce; tuned
    "round 218": ROOT / "bench" / "safety_round218.yaml",  # Thái Nguyên, Bắc Kạn: hard scams; tuned
    "unseen 65": ROOT / "bench" / "safety_unseen65.yaml",  # Bắc Giang, Hải Dương: commerce-like scams; never opened
    "round 219": ROOT / "bench" / "safety_round219.yaml",  # Vĩnh Long, Đồng Tháp: hard ordinary posts; tuned
    "round 220": ROOT / "bench" / "safety_round220.yaml",  # Hà Giang, Tuyên Quang: hard scams; tuned
    "unseen 66": ROOT / "bench" / "safety_unseen66.yaml",  # Sơn La, Lai Châu: hard scams; never opened
    "round 222": ROOT / "bench" / "safety_round222.yaml",  # Quảng Nam, Đà Nẵng: commerce-like scams; tuned
    "round 223": ROOT / "bench" / "safety_round223.yaml",  # Bến Tre, Trà Vinh: ordinary commerce; tuned
    "round 221": ROOT / "bench" / "safety_round221.yaml",  # Long An, Tây Ninh: hard ordinary posts; tuned
    "round 225": ROOT / "bench" / "safety_round225.yaml",  # Nghệ An, Hà Tĩnh: hard ordinary posts; tuned
    "round 226": ROOT / "bench" / "safety_round226.yaml",  # Đắk Lắk, Gia Lai: commerce-like scams; tuned
    "round 224": ROOT / "bench" / "safety_round224.yaml",  # Hòa Bình, Phú Thọ: hard scams; tuned
    "unseen 67": ROOT / "bench" / "safety_unseen67.yaml",  # Thái Nguyên, Tuyên Quang: commerce-like scams; never opened
    "round 227": ROOT / "bench" / "safety_round227.yaml",  # Ninh Bình, Nam Định: hard scams; tuned
    "unseen 68": ROOT / "bench" / "safety_unseen68.yaml",  # Quảng Trị, Thừa Thiên Huế: hard scams; never opened
    "round 229": ROOT / "bench" / "safety_round229.yaml",  # Bình Định, Phú Yên: commerce-like scams; tuned
    "round 230": ROOT / "bench" / "safety_round230.yaml",  # Hà Giang, Tuyên Quang: ordinary commerce; tuned
    "round 228": ROOT / "bench" / "safety_round228.yaml",  # Kiên Giang, Cà Mau: hard ordinary posts; tuned
    "round 231": ROOT / "bench" / "safety_round231.yaml",  # Quảng Ngãi, Kon Tum: hard scams; tuned
    "round 232": ROOT / "bench" / "safety_round232.yaml",  # Bình Phước, Đồng Nai: hard ordinary posts; tuned
    "unseen 69": ROOT / "bench" / "safety_unseen69.yaml",  # Gia Lai, Kon Tum: commerce-like scams; never opened
    "round 233": ROOT / "bench" / "safety_round233.yaml",  # Hải Phòng, Quảng Ninh: hard scams; tuned
    "round 234": ROOT / "bench" / "safety_round234.yaml",  # Cần Thơ, Hậu Giang: ordinary commerce; tuned
    "unseen 70": ROOT / "bench" / "safety_unseen70.yaml",  # Bến Tre, Trà Vinh: hard scams; never opened
    "round 235": ROOT / "bench" / "safety_round235.yaml",  # Nghệ An, Hà Tĩnh: hard ordinary posts; tuned
    "round 236": ROOT / "bench" / "safety_round236.yaml",  # Tây Ninh, Long An: commerce-like scams; tuned
    "round 237": ROOT / "bench" / "safety_round237.yaml",  # Sóc Trăng, Bạc Liêu: hard scams; tuned
    "round 238": ROOT / "bench" / "safety_round238.yaml",  # Thanh Hóa: ordinary commerce; tuned
    "round 239": ROOT / "bench" / "safety_round239.yaml",  # Lâm Đồng: hard ordinary posts; tuned
    "round 240": ROOT / "bench" / "safety_round240.yaml",  # An Giang: commerce-like scams; tuned
    "round 241": ROOT / "bench" / "safety_round241.yaml",  # Lào Cai, Yên Bái: hard scams; tuned
    "round 242": ROOT / "bench" / "safety_round242.yaml",  # Quảng Nam, Đà Nẵng: hard ordinary posts; tuned
    "round 243": ROOT / "bench" / "safety_round243.yaml",  # Bắc Ninh, Bắc Giang: ordinary commerce; tuned
    "unseen 71": ROOT / "bench" / "safety_unseen71.yaml",  # Đắk Lắk, Đắk Nông: commerce-like scams; never opened
    "round 244": ROOT / "bench" / "safety_round244.yaml",  # Thái Bình, Nam Định: hard scams; tuned
    "round 245": ROOT / "bench" / "safety_round245.yaml",  # Điện Biên, Lai Châu: hard ordinary posts; tuned
    "round 246": ROOT / "bench" / "safety_round246.yaml",  # Khánh Hòa, Ninh Thuận: commerce-like scams; tuned
    "unseen 72": ROOT / "bench" / "safety_unseen72.yaml",  # Đồng Tháp, Vĩnh Long: hard scams; never opened
    "round 247": ROOT / "bench" / "safety_round247.yaml",  # Quảng Trị, Thừa Thiên Huế: hard ordinary posts; tuned
    "round 248": ROOT / "bench" / "safety_round248.yaml",  # Gia Lai, Kon Tum: commerce-like scams; tuned
    "round 249": ROOT / "bench" / "safety_round249.yaml",  # Hải Phòng, Quảng Ninh: mixed; tuned
    "round 251": ROOT / "bench" / "safety_round251.yaml",  # Đồng Nai, Bà Rịa - Vũng Tàu: ordinary commerce; tuned
    "round 252": ROOT / "bench" / "safety_round252.yaml",  # Vĩnh Phúc, Phú Thọ: hard ordinary posts; tuned
    "round 253": ROOT / "bench" / "safety_round253.yaml",  # Bình Phước, Đắk Nông: commerce-like scams; tuned
    "round 250": ROOT / "bench" / "safety_round250.yaml",  # Thái Nguyên, Bắc Kạn: hard scams; tuned
    "unseen 73": ROOT / "bench" / "safety_unseen73.yaml",  # Tiền Giang, Bến Tre: commerce-like scams; never opened
    "round 254": ROOT / "bench" / "safety_round254.yaml",  # Nam Định, Ninh Bình: mixed; tuned
    "round 255": ROOT / "bench" / "safety_round255.yaml",  # Quảng Ngãi, Bình Định: hard scams; tuned
    "round 256": ROOT / "bench" / "safety_round256.yaml",  # Hậu Giang, Cần Thơ: ordinary commerce; tuned
    "round 257": ROOT / "bench" / "safety_round257.yaml",  # Nghệ An: mixed; tuned
    "round 258": ROOT / "bench" / "safety_round258.yaml",  # Hà Tĩnh, Quảng Bình: hard ordinary posts; tuned
    "round 259": ROOT / "bench" / "safety_round259.yaml",  # Long An, Tây Ninh: commerce-like scams; tuned
    "round 260": ROOT / "bench" / "safety_round260.yaml",  # Thái Bình, Hưng Yên: hard ordinary posts; tuned
    "round 261": ROOT / "bench" / "safety_round261.yaml",  # Lâm Đồng: hard scams; tuned
    "unseen 74": ROOT / "bench" / "safety_unseen74.yaml",  # An Giang: hard scams; never opened
    "round 262": ROOT / "bench" / "safety_round262.yaml",  # Khánh Hòa, Phú Yên: hard ordinary posts; tuned
    "round 263": ROOT / "bench" / "safety_round263.yaml",  # Đắk Lắk, Đắk Nông: commerce-like scams; tuned
    "round 264": ROOT / "bench" / "safety_round264.yaml",  # Bắc Ninh, Hải Dương: mixed; tuned
    "round 265": ROOT / "bench" / "safety_round265.yaml",  # Thanh Hóa: hard scams; tuned
    "round 266": ROOT / "bench" / "safety_round266.yaml",  # Lào Cai, Yên Bái: hard ordinary posts; tuned
    "round 267": ROOT / "bench" / "safety_round267.yaml",  # TP Hồ Chí Minh: commerce-like scams; tuned
    "round 268": ROOT / "bench" / "safety_round268.yaml",  # Hà Nam, Nam Định: ordinary commerce; tuned
    "unseen 75": ROOT / "bench" / "safety_unseen75.yaml",  # Sóc Trăng, Bạc Liêu: commerce-like scams; never opened
    "round 269": ROOT / "bench" / "safety_round269.yaml",  # Quảng Nam, Đà Nẵng: hard scams; tuned
    "round 270": ROOT / "bench" / "safety_round270.yaml",  # Bắc Giang, Bắc Ninh: hard ordinary posts; tuned
    "round 271": ROOT / "bench" / "safety_round271.yaml",  # Kiên Giang, An Giang: mixed; tuned
    "round 273": ROOT / "bench" / "safety_round273.yaml",  # Lạng Sơn, Cao Bằng: hard ordinary posts; tuned
    "round 274": ROOT / "bench" / "safety_round274.yaml",  # Bình Dương, Đồng Nai: commerce-like scams; tuned
    "round 272": ROOT / "bench" / "safety_round272.yaml",  # Hà Tĩnh, Nghệ An: hard scams; tuned
    "unseen 76": ROOT / "bench" / "safety_unseen76.yaml",  # Quảng Trị, Thừa Thiên Huế: hard scams; never opened
    "round 275": ROOT / "bench" / "safety_round275.yaml",  # Long An, Tiền Giang: hard ordinary posts; tuned
    "round 276": ROOT / "bench" / "safety_round276.yaml",  # Vĩnh Long, Đồng Tháp: commerce-like scams; tuned
    "round 277": ROOT / "bench" / "safety_round277.yaml",  # Phú Thọ, Vĩnh Phúc: ordinary commerce; tuned
    "round 278": ROOT / "bench" / "safety_round278.yaml",  # Quảng Bình: hard scams; tuned
    "round 279": ROOT / "bench" / "safety_round279.yaml",  # Tây Ninh, Bình Phước: mixed; tuned
    "round 280": ROOT / "bench" / "safety_round280.yaml",  # Điện Biên, Sơn La: hard ordinary posts; tuned
    "unseen 77": ROOT / "bench" / "safety_unseen77.yaml",  # Ninh Bình: commerce-like scams; never opened
    "round 281": ROOT / "bench" / "safety_round281.yaml",  # Hưng Yên: hard ordinary posts; tuned
    "round 282": ROOT / "bench" / "safety_round282.yaml",  # Trà Vinh: hard scams; tuned
    "round 283": ROOT / "bench" / "safety_round283.yaml",  # Cà Mau: mixed; tuned
    "round 285": ROOT / "bench" / "safety_round285.yaml",  # Thái Nguyên: commerce-like scams; tuned
    "round 286": ROOT / "bench" / "safety_round286.yaml",  # Bình Thuận: hard scams; tuned
    "round 284": ROOT / "bench" / "safety_round284.yaml",  # Quảng Ngãi: hard ordinary posts; tuned
    "unseen 78": ROOT / "bench" / "safety_unseen78.yaml",  # Lào Cai, Yên Bái: hard scams; never opened
    "round 287": ROOT / "bench" / "safety_round287.yaml",  # Tiền Giang, Bến Tre: hard scams; tuned
    "round 288": ROOT / "bench" / "safety_round288.yaml",  # Thanh Hóa: commerce-like scams; tuned
    "round 289": ROOT / "bench" / "safety_round289.yaml",  # Quảng Nam, Đà Nẵng: hard ordinary posts; tuned
    "round 290": ROOT / "bench" / "safety_round290.yaml",  # An Giang, Kiên Giang: mixed; tuned
    "round 291": ROOT / "bench" / "safety_round291.yaml",  # Bình Dương, Đồng Nai: ordinary commerce; tuned
    "round 292": ROOT / "bench" / "safety_round292.yaml",  # Bắc Giang, Lạng Sơn: hard scams; tuned
    "round 293": ROOT / "bench" / "safety_round293.yaml",  # Hà Tĩnh: hard ordinary posts; tuned
    "unseen 79": ROOT / "bench" / "safety_unseen79.yaml",  # Đồng Tháp, Tiền Giang: commerce-like scams; never opened
    "round 294": ROOT / "bench" / "safety_round294.yaml",  # Nghệ An, Hà Tĩnh: hard scams; tuned
    "round 295": ROOT / "bench" / "safety_round295.yaml",  # Bắc Ninh, Bắc Giang: hard ordinary posts; tuned
    "round 296": ROOT / "bench" / "safety_round296.yaml",  # Long An, Tây Ninh: commerce-like scams; tuned
    "round 297": ROOT / "bench" / "safety_round297.yaml",  # Vĩnh Long, Trà Vinh: hard ordinary posts; tuned
    "round 298": ROOT / "bench" / "safety_round298.yaml",  # Quảng Ngãi, Kon Tum: hard scams; tuned
    "round 299": ROOT / "bench" / "safety_round299.yaml",  # Hà Nội, Hưng Yên: ordinary commerce; tuned
    "round 300": ROOT / "bench" / "safety_round300.yaml",  # Bạc Liêu, Cà Mau: hard scams; tuned
    "round 301": ROOT / "bench" / "safety_round301.yaml",  # Thái Bình: commerce-like scams; tuned
    "round 302": ROOT / "bench" / "safety_round302.yaml",  # Gia Lai, Đắk Nông: hard ordinary posts; tuned
    "unseen 80": ROOT / "bench" / "safety_unseen80.yaml",  # Thừa Thiên Huế: hard scams; never opened
    "round 303": ROOT / "bench" / "safety_round303.yaml",  # Quảng Trị: hard ordinary posts; tuned
    "round 304": ROOT / "bench" / "safety_round304.yaml",  # Lâm Đồng: hard scams; tuned
    "round 305": ROOT / "bench" / "safety_round305.yaml",  # Cần Thơ: ordinary commerce; tuned
    "round 306": ROOT / "bench" / "safety_round306.yaml",  # Điện Biên, Lai Châu: commerce-like scams; tuned
    "unseen 81": ROOT / "bench" / "safety_unseen81.yaml",  # Kiên Giang, Cà Mau: commerce-like scams; never opened
    "round 307": ROOT / "bench" / "safety_round307.yaml",  # Bắc Kạn, Thái Nguyên: hard ordinary posts; tuned
    "round 308": ROOT / "bench" / "safety_round308.yaml",  # Hải Dương, Hải Phòng: hard scams; tuned
    "round 309": ROOT / "bench" / "safety_round309.yaml",  # Sóc Trăng: hard scams; tuned
    "round 310": ROOT / "bench" / "safety_round310.yaml",  # Nghệ An: hard ordinary posts; tuned
    "round 311": ROOT / "bench" / "safety_round311.yaml",  # Đắk Lắk: commerce-like scams; tuned
    "unseen 82": ROOT / "bench" / "safety_unseen82.yaml",  # Bắc Ninh, Bắc Giang: every kind; never opened
    "round 312": ROOT / "bench" / "safety_round312.yaml",  # Bến Tre, Trà Vinh: hard scams; tuned
    "round 313": ROOT / "bench" / "safety_round313.yaml",  # Lào Cai, Yên Bái: ordinary commerce; tuned
    "round 314": ROOT / "bench" / "safety_round314.yaml",  # Quảng Nam, Đà Nẵng: hard scams; tuned
    "round 315": ROOT / "bench" / "safety_round315.yaml",  # Thanh Hóa: hard ordinary posts; tuned
    "unseen 83": ROOT / "bench" / "safety_unseen83.yaml",  # An Giang: every kind; never opened
    "round 316": ROOT / "bench" / "safety_round316.yaml",  # Cà Mau: hard scams; tuned
    "round 317": ROOT / "bench" / "safety_round317.yaml",  # Thừa Thiên Huế: hard ordinary posts; tuned
    "round 318": ROOT / "bench" / "safety_round318.yaml",  # Hà Nội ngoại thành: every kind; tuned
    "unseen 84": ROOT / "bench" / "safety_unseen84.yaml",  # Long An, Tiền Giang: every kind; never opened
    "round 319": ROOT / "bench" / "safety_round319.yaml",  # Kiên Giang: hard scams; tuned
    "round 320": ROOT / "bench" / "safety_round320.yaml",  # Bình Định, Quảng Ngãi: hard ordinary posts; tuned
    "unseen 85": ROOT / "bench" / "safety_unseen85.yaml",  # Vĩnh Long, Đồng Tháp: every kind; never opened
    "round 321": ROOT / "bench" / "safety_round321.yaml",  # Bạc Liêu, Sóc Trăng: hard scams; tuned
    "round 322": ROOT / "bench" / "safety_round322.yaml",  # Nghệ An, Hà Tĩnh: hard ordinary posts; tuned
    "round 323": ROOT / "bench" / "safety_round323.yaml",  # Đắk Lắk, Gia Lai: every kind; tuned
    "unseen 86": ROOT / "bench" / "safety_unseen86.yaml",  # Bến Tre: every kind; never opened
    "round 324": ROOT / "bench" / "safety_round324.yaml",  # Hải Phòng, Quảng Ninh: hard scams; tuned
    "unseen 87": ROOT / "bench" / "safety_unseen87.yaml",  # Cần Thơ, Hậu Giang: every kind; never opened
    "round 325": ROOT / "bench" / "safety_round325.yaml",  # Long An, Tiền Giang: hard scams; tuned
    "round 326": ROOT / "bench" / "safety_round326.yaml",  # Thừa Thiên Huế, Quảng Trị: hard ordinary; tuned
    "unseen 88": ROOT / "bench" / "safety_unseen88.yaml",  # Quảng Ngãi, Bình Định: every kind; never opened
    "round 327": ROOT / "bench" / "safety_round327.yaml",  # Bắc Ninh, Bắc Giang: hard scams; tuned
    "unseen 89": ROOT / "bench" / "safety_unseen89.yaml",  # Bình Dương, Đồng Nai: every kind; never opened
    "round 328": ROOT / "bench" / "safety_round328.yaml",  # Kiên Giang, Cà Mau: hard ordinary; tuned
    "unseen 90": ROOT / "bench" / "safety_unseen90.yaml",  # Phú Yên, Khánh Hòa: every kind; never opened
    "round 329": ROOT / "bench" / "safety_round329.yaml",  # Hà Nội ngoại thành: hard scams; tuned
    "round 331": ROOT / "bench" / "safety_round331.yaml",  # Nghệ An, Hà Tĩnh: hard ordinary; tuned
    "unseen 91": ROOT / "bench" / "safety_unseen91.yaml",  # Thái Bình, Nam Định: every kind; never opened
    "round 330": ROOT / "bench" / "safety_round330.yaml",  # Sóc Trăng, Trà Vinh: hard scams; tuned
    "round 332": ROOT / "bench" / "safety_round332.yaml",  # Đắk Lắk, Gia Lai: hard scams; tuned
    "round 333": ROOT / "bench" / "safety_round333.yaml",  # Hòa Bình, Sơn La: hard ordinary; tuned
    "round 334": ROOT / "bench" / "safety_round334.yaml",  # Ninh Thuận, Bình Thuận: hard scams; tuned
    "unseen 92": ROOT / "bench" / "safety_unseen92.yaml",  # TP Hồ Chí Minh ngoại thành: every kind; never opened
    "round 335": ROOT / "bench" / "safety_round335.yaml",  # Vĩnh Phúc, Phú Thọ: every kind; tuned
    "unseen 93": ROOT / "bench" / "safety_unseen93.yaml",  # Bến Tre, Vĩnh Long: every kind; never opened
    "round 336": ROOT / "bench" / "safety_round336.yaml",  # Cà Mau, Bạc Liêu: hard scams; tuned
    "round 337": ROOT / "bench" / "safety_round337.yaml",  # Quảng Nam, Đà Nẵng ngoại thành: hard scams; tuned
    "unseen 94": ROOT / "bench" / "safety_unseen94.yaml",  # Thanh Hóa: every kind; never opened
    "unseen 95": ROOT / "bench" / "safety_unseen95.yaml",  # Hậu Giang, Cần Thơ ngoại thành: every kind; never opened
    "round 338": ROOT / "bench" / "safety_round338.yaml",  # Hà Giang, Cao Bằng: hard scams; tuned
    "round 339": ROOT / "bench" / "safety_round339.yaml",  # Đồng Nai, Bình Dương: hard ordinary; tuned
    "round 340": ROOT / "bench" / "safety_round340.yaml",  # Phú Yên, Khánh Hòa: hard scams; tuned
    "unseen 96": ROOT / "bench" / "safety_unseen96.yaml",  # Quảng Ninh, Hải Phòng ngoại thành: every kind; never opened
    "round 341": ROOT / "bench" / "safety_round341.yaml",  # Kon Tum: hard scams; tuned
    "round 342": ROOT / "bench" / "safety_round342.yaml",  # Bắc Giang, Lạng Sơn: hard ordinary; tuned
    "round 343": ROOT / "bench" / "safety_round343.yaml",  # Tây Ninh, Bình Phước: hard scams; tuned
    "unseen 97": ROOT / "bench" / "safety_unseen97.yaml",  # Hậu Giang, Sóc Trăng: every kind; never opened
    "unseen 98": ROOT / "bench" / "safety_unseen98.yaml",  # Hà Giang, Tuyên Quang: every kind; never opened
    "round 344": ROOT / "bench" / "safety_round344.yaml",  # Bà Rịa – Vũng Tàu: hard scams; tuned
    "round 345": ROOT / "bench" / "safety_round345.yaml",  # Bắc Ninh, Bắc Giang: hard ordinary; tuned
    "round 347": ROOT / "bench" / "safety_round347.yaml",  # Kiên Giang, An Giang, Cà Mau: hard ordinary; tuned
    "round 346": ROOT / "bench" / "safety_round346.yaml",  # Thừa Thiên Huế, Quảng Trị: hard scams; tuned
    "unseen 99": ROOT / "bench" / "safety_unseen99.yaml",  # Ninh Bình, Hà Nam: every kind; never opened
    "unseen 100": ROOT / "bench" / "safety_unseen100.yaml",  # Trà Vinh, Vĩnh Long: every kind; never opened
    "round 348": ROOT / "bench" / "safety_round348.yaml",  # Gia Lai, Kon Tum: hard scams; tuned
    "round 349": ROOT / "bench" / "safety_round349.yaml",  # Sơn La, Yên Bái: hard ordinary; tuned
    "unseen 101": ROOT / "bench" / "safety_unseen101.yaml",  # Thái Bình, Nam Định: every kind; never opened
    "round 350": ROOT / "bench" / "safety_round350.yaml",  # Bến Tre, Bạc Liêu: hard scams; tuned
    "round 351": ROOT / "bench" / "safety_round351.yaml",  # Lâm Đồng, Đắk Lắk: hard ordinary; tuned
    "round 352": ROOT / "bench" / "safety_round352.yaml",  # Nghệ An, Hà Tĩnh: hard scams; tuned
    "unseen 102": ROOT / "bench" / "safety_unseen102.yaml",  # Quảng Nam, Đà Nẵng: every kind; never opened
    "round 353": ROOT / "bench" / "safety_round353.yaml",  # Thanh Hóa: hard ordinary; tuned
    "round 354": ROOT / "bench" / "safety_round354.yaml",  # Ninh Thuận, Bình Thuận: hard scams; tuned
    "round 355": ROOT / "bench" / "safety_round355.yaml",  # Hòa Bình, Phú Thọ: hard ordinary; tuned
    "unseen 103": ROOT / "bench" / "safety_unseen103.yaml",  # Bình Dương, TP.HCM ngoại thành: every kind; never opened
    "round 356": ROOT / "bench" / "safety_round356.yaml",  # Quảng Bình, Quảng Trị: hard ordinary; tuned
    "round 357": ROOT / "bench" / "safety_round357.yaml",  # Đắk Nông, Bình Phước: hard scams; tuned
    "round 358": ROOT / "bench" / "safety_round358.yaml",  # Vĩnh Phúc, Thái Nguyên: hard ordinary; tuned
    "unseen 104": ROOT / "bench" / "safety_unseen104.yaml",  # An Giang: every kind; never opened
    "round 359": ROOT / "bench" / "safety_round359.yaml",  # Hưng Yên, Hải Dương: hard ordinary; tuned
    "round 360": ROOT / "bench" / "safety_round360.yaml",  # Bắc Kạn, Cao Bằng: hard scams; tuned
    "round 361": ROOT / "bench" / "safety_round361.yaml",  # Cà Mau, Bạc Liêu: hard ordinary; tuned
    "unseen 105": ROOT / "bench" / "safety_unseen105.yaml",  # Tiền Giang, Long An: every kind; never opened
    "round 362": ROOT / "bench" / "safety_round362.yaml",  # Khánh Hòa, Phú Yên: hard scams; tuned
    "round 363": ROOT / "bench" / "safety_round363.yaml",  # Sóc Trăng, Trà Vinh: hard ordinary; tuned
    "round 364": ROOT / "bench" / "safety_round364.yaml",  # Hà Giang, Tuyên Quang: hard scams and ordinary; tuned
    "unseen 106": ROOT / "bench" / "safety_unseen106.yaml",  # Thừa Thiên Huế: every kind; never opened
    "round 365": ROOT / "bench" / "safety_round365.yaml",  # Gia Lai, Kon Tum: hard scams; tuned
    "round 366": ROOT / "bench" / "safety_round366.yaml",  # Quảng Ninh, Hải Phòng: hard ordinary; tuned
    "round 367": ROOT / "bench" / "safety_round367.yaml",  # Vĩnh Long, Đồng Tháp: hard scams and ordinary; tuned
    "unseen 107": ROOT / "bench" / "safety_unseen107.yaml",  # Kiên Giang, Phú Quốc: every kind; never opened
    "round 368": ROOT / "bench" / "safety_round368.yaml",  # Lào Cai, Yên Bái: hard scams; tuned
    "round 369": ROOT / "bench" / "safety_round369.yaml",  # Quảng Ngãi, Bình Định: hard ordinary; tuned
    "round 370": ROOT / "bench" / "safety_round370.yaml",  # Hà Nam, Ninh Bình: hard scams and ordinary; tuned
    "unseen 108": ROOT / "bench" / "safety_unseen108.yaml",  # Hậu Giang, Cần Thơ: every kind; never opened
    "round 371": ROOT / "bench" / "safety_round371.yaml",  # Điện Biên, Sơn La: hard scams and ordinary; tuned
    "round 372": ROOT / "bench" / "safety_round372.yaml",  # Tây Ninh: hard scams and ordinary; tuned
    "round 373": ROOT / "bench" / "safety_round373.yaml",  # Bắc Giang, Bắc Ninh: hard scams and ordinary; tuned
    "unseen 109": ROOT / "bench" / "safety_unseen109.yaml",  # Nam Định, Thái Bình coast: every kind; never opened
    "round 374": ROOT / "bench" / "safety_round374.yaml",  # Lạng Sơn, Cao Bằng: hard scams and ordinary; tuned
    "round 375": ROOT / "bench" / "safety_round375.yaml",  # Bà Rịa – Vũng Tàu: hard scams and ordinary; tuned
    "round 376": ROOT / "bench" / "safety_round376.yaml",  # Hà Nội ngoại thành: hard scams and ordinary; tuned
    "unseen 110": ROOT / "bench" / "safety_unseen110.yaml",  # Quảng Trị, Quảng Bình: every kind; never opened
    "round 377": ROOT / "bench" / "safety_round377.yaml",  # Bến Tre, Trà Vinh: hard scams and ordinary; tuned
    "round 378": ROOT / "bench" / "safety_round378.yaml",  # Nghệ An, Hà Tĩnh: hard scams and ordinary; tuned
    "round 379": ROOT / "bench" / "safety_round379.yaml",  # Đắk Lắk, Đắk Nông: hard scams and ordinary; tuned
    "unseen 111": ROOT / "bench" / "safety_unseen111.yaml",  # An Giang: every kind; never opened
    "round 380": ROOT / "bench" / "safety_round380.yaml",  # Cà Mau, Bạc Liêu: hard scams and ordinary; tuned
    "round 381": ROOT / "bench" / "safety_round381.yaml",  # Thanh Hóa: hard scams and ordinary; tuned
    "round 382": ROOT / "bench" / "safety_round382.yaml",  # Lâm Đồng: hard scams and ordinary; tuned
    "unseen 112": ROOT / "bench" / "safety_unseen112.yaml",  # Quảng Nam, Đà Nẵng: every kind; never opened
    "round 383": ROOT / "bench" / "safety_round383.yaml",  # Phú Thọ, Vĩnh Phúc: hard scams and ordinary; tuned
    "round 384": ROOT / "bench" / "safety_round384.yaml",  # Bình Thuận, Ninh Thuận: hard scams and ordinary; tuned
    "round 385": ROOT / "bench" / "safety_round385.yaml",  # Long An: hard scams and ordinary; tuned
    "unseen 113": ROOT / "bench" / "safety_unseen113.yaml",  # Hải Dương, Hưng Yên: every kind; never opened
    "round 386": ROOT / "bench" / "safety_round386.yaml",  # Bình Phước, Bình Dương: hard scams and ordinary; tuned
    "round 387": ROOT / "bench" / "safety_round387.yaml",  # Hòa Bình: hard scams and ordinary; tuned
    "round 388": ROOT / "bench" / "safety_round388.yaml",  # Thái Nguyên: hard scams and ordinary; tuned
    "unseen 114": ROOT / "bench" / "safety_unseen114.yaml",  # Kiên Giang: every kind; never opened
    "round 389": ROOT / "bench" / "safety_round389.yaml",  # Sóc Trăng: hard scams and ordinary; tuned
    "round 390": ROOT / "bench" / "safety_round390.yaml",  # Quảng Ngãi: hard scams and ordinary; tuned
    "round 391": ROOT / "bench" / "safety_round391.yaml",  # Hà Giang: hard scams and ordinary; tuned
    "round 393": ROOT / "bench" / "safety_round393.yaml",  # Lào Cai, Yên Bái: hard scams and ordinary; tuned
    "unseen 116": ROOT / "bench" / "safety_unseen116.yaml",  # Bình Định, Phú Yên: every kind; never opened
    "unseen 115": ROOT / "bench" / "safety_unseen115.yaml",  # Đồng Tháp: every kind; never opened
    "unseen 117": ROOT / "bench" / "safety_unseen117.yaml",  # Khánh Hòa: every kind; never opened
    "unseen 118": ROOT / "bench" / "safety_unseen118.yaml",  # Quảng Ninh, Hải Phòng: every kind; never opened
    "round 392": ROOT / "bench" / "safety_round392.yaml",  # Vĩnh Long, Tiền Giang: hard scams and ordinary; tuned
}
# Sets whose messages and misses are never printed: they stay an honest measure of unseen text.
NEVER_SHOWN = frozenset(
    {
        "unseen",
        "unseen 2",
        "unseen 3",
        "unseen 4",
        "unseen 5",
        "unseen 6",
        "unseen 7",
        "unseen 8",
        "unseen 9",
        "unseen 10",
        "unseen 11",
        "unseen 12",
        "unseen 13",
        "unseen 14",
        "unseen 15",
        "unseen 16",
        "unseen 17",
        "unseen 18",
        "unseen 19",
        "unseen 20",
        "unseen 21",
        "unseen 22",
        "unseen 23",
        "unseen 24",
        "unseen 25",
        "unseen 26",
        "unseen 27",
        "unseen 28",
        "unseen 29",
        "unseen 30",
        "unseen 31",
        "unseen 32",
        "unseen 33",
        "unseen 34",
        "unseen 35",
        "unseen 36",
        "unseen 37",
        "unseen 38",
        "unseen 39",
        "unseen 40",
        "unseen 41",
        "unseen 42",
        "unseen 43",
        "unseen 44",
        "unseen 45",
        "unseen 46",
        "unseen 47",
        "unseen 48",
        "unseen 49",
        "unseen 50",
        "unseen 51",
        "unseen 52",
        "unseen 53",
        "unseen 54",
        "unseen 55",
        "unseen 56",
        "unseen 57",
        "unseen 58",
        "unseen 59",
        "unseen 60",
        "unseen 61",
        "unseen 62",
        "unseen 63",
        "unseen 65",
        "unseen 64",
        "unseen 66",
        "unseen 67",
        "unseen 68",
        "unseen 69",
        "unseen 70",
        "unseen 71",
        "unseen 72",
        "unseen 73",
        "unseen 74",
        "unseen 75",
        "unseen 76",
        "unseen 77",
        "unseen 78",
        "unseen 79",
        "unseen 80",
        "unseen 81",
        "unseen 82",
        "unseen 83",
        "unseen 84",
        "unseen 85",
        "unseen 86",
        "unseen 87",
        "unseen 88",
        "unseen 89",
        "unseen 90",
        "unseen 91",
        "unseen 92",
        "unseen 93",
        "unseen 94",
        "unseen 95",
        "unseen 96",
        "unseen 97",
        "unseen 98",
        "unseen 99",
        "unseen 100",
        "unseen 101",
        "unseen 102",
        "unseen 103",
        "unseen 104",
        "unseen 105",
        "unseen 106",
        "unseen 107",
        "unseen 108",
        "unseen 109",
        "unseen 110",
        "unseen 111",
        "unseen 112",
        "unseen 113",
        "unseen 114",
        "unseen 116",
        "unseen 115",
        "unseen 117",
        "unseen 118",
    }
)
KEYWORDS = ("otp", "trung thuong", "chuyen khoan", "http", "link", "vay", "cong an", "dien luc", "apk", "mat khau")


def baseline(text: str) -> str:
    folded = fold(text)
    return "scam" if any(k in folded for k in KEYWORDS) else "ok"


def load(path: Path) -> tuple[list[str], list[str]]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    return list(data["scam"]), list(data["ordinary"])


def rates(verdict, scams: list[str], ordinary: list[str]) -> dict[str, float]:  # type: ignore[no-untyped-def]
    s = [verdict(t) for t in scams]
    o = [verdict(t) for t in ordinary]
    return {
        "scam_recall": s.count("scam") / len(s),
        "scam_flagged_any": sum(v != "ok" for v in s) / len(s),
        "ordinary_scam": o.count("scam") / len(o),
        "ordinary_suspicious": o.count("suspicious") / len(o),
    }


def timings_us(fn, texts: list[str], rounds: int, clock=time.thread_time_ns) -> tuple[float, float, float]:  # type: ignore[no-untyped-def]
    """Median, p99 and max per message. ``thread_time_ns`` counts this thread's CPU time
    only: on a shared machine wall time is dominated by other processes preempting us."""
    times: list[float] = []
    for _ in range(rounds):
        for t in texts:
            start = clock()
            fn(t)
            times.append((clock() - start) / 1000)
    times.sort()
    return statistics.median(times), times[int(len(times) * 0.99)], times[-1]


# Adversarial inputs: the longest message judged (4,000 characters) full of keywords and links.
WORST = [
    ("công an điện lực ngân hàng đọc mã OTP chuyển tiền link " * 80)[:4000],
    ("a" * 60 + ".com/" + "x" * 30 + " ") * 40,
    ("cung cấp " + "rất nhiều chữ khác nhau " * 200)[:4000],
    # long runs of hyphens and dots, and a chain of spaced dots: each once took the link finder quadratic time
    "a-" * 2000,
    "a." * 2000,
    ("a-b . c-d . " * 400)[:4000],
]


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=20, help="timing rounds over all messages")
    parser.add_argument("--show", action="store_true", help="print every miss")
    args = parser.parse_args()
    data = shipped_data()

    def ours(text: str) -> str:
        return judge(text, data=data).verdict.value

    print(f"machine: {platform.machine()}, {os.cpu_count()} CPU, Python {platform.python_version()}")
    ok = True
    all_texts: list[str] = []
    for name, path in SETS.items():
        scams, ordinary = load(path)
        all_texts += scams + ordinary
        r, b = rates(ours, scams, ordinary), rates(baseline, scams, ordinary)
        print(f"\n{name}: {len(scams)} scams, {len(ordinary)} ordinary ({path.name})")
        print(
            f"  scams flagged scam          {r['scam_recall']:6.1%}   (any flag {r['scam_flagged_any']:.1%};"
            f" baseline {b['scam_recall']:.1%})   target ≥ 95%"
        )
        print(
            f"  ordinary flagged scam       {r['ordinary_scam']:6.1%}"
            f"   (baseline {b['ordinary_scam']:.1%})   target ≤ 1%"
        )
        print(f"  ordinary flagged suspicious {r['ordinary_suspicious']:5.1%}   target ≤ 5%")
        ok &= r["scam_recall"] >= 0.95 and r["ordinary_scam"] <= 0.01 and r["ordinary_suspicious"] <= 0.05
        if args.show and name not in NEVER_SHOWN:
            for t in scams:
                if (v := ours(t)) != "scam":
                    print(f"    MISS [{v}] {t}")
            for t in ordinary:
                if (v := ours(t)) != "ok":
                    print(f"    FLAG [{v}] {t}")
    med, p99, worst = timings_us(ours, all_texts, args.rounds)
    wmed, wp99, _ = timings_us(ours, all_texts, args.rounds, time.perf_counter_ns)
    bmed, bp99, _ = timings_us(baseline, all_texts, args.rounds)
    print(
        f"\nCPU time per message over {len(all_texts)} messages × {args.rounds}:"
        f" median {med:.0f} µs, p99 {p99:.0f} µs, max {worst:.0f} µs"
    )
    print(f"  wall time (includes other processes preempting us): median {wmed:.0f} µs, p99 {wp99:.0f} µs")
    print(f"  keyword baseline, same run (CPU): median {bmed:.0f} µs, p99 {bp99:.0f} µs")
    _, _, adversarial = timings_us(ours, WORST, 3)
    print(f"  adversarial 4,000-character messages: max {adversarial:.0f} µs")
    print("  target p99 < 5000 µs")
    ok &= p99 < 5000 and adversarial < 50_000
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
