/**
 * A local list of passwords that are tried first by anyone guessing (ASVS 2.1.7: check new passwords
 * against breached and common ones, without sending them anywhere). Written for this project from the
 * patterns that recur in published breach statistics and in Vietnamese usage (matkhau, anhyeuem,
 * 123456a@, names of places and of this system). Lower case; letters without diacritics, since that
 * is how Vietnamese is typed into a password box.
 *
 * A password is refused when, in lower case, it is on the list, or it is a listed word followed only by
 * digits and symbols (matkhau2025!, admin@123456), or it is only digits (a phone number, a date of
 * birth or a citizen ID number — 12 digits — is known to others), or one character repeated.
 */
const WORDS = `
123456 1234567 12345678 123456789 1234567890 12345678910 123456789a 123456789z 1234567890a
123123 123321 112233 111111 1111111 11111111 000000 00000000 654321 666666 888888 999999 121212
123456a 123456a@ 123456aa 123456ab 123456abc 123456q 123456qq a123456 a123456789 aa123456 abc123 abc123456
abc@123 abcd1234 abcd@1234 abcdef abcdefgh 1q2w3e 1q2w3e4r 1q2w3e4r5t 1qaz2wsx 1qazxsw2 zaq12wsx qazwsx qazwsxedc
qwerty qwerty123 qwertyuiop qwertyuiopas asdfgh asdfghjkl zxcvbn zxcvbnm asd123 qwe123 qweasd qweasdzxc
password password1 password123 passw0rd p@ssword p@ssw0rd pass pass123 pass1234 passport secret
admin admin123 admin@123 administrator administrator1 root toor system sysadmin superuser guest user user123
test test123 testing demo demo123 default changeme welcome welcome1 letmein login master monkey dragon
iloveyou iloveu loveyou lovely princess sunshine shadow football baseball soccer superman batman
trustno1 starwars whatever freedom hello hello123 hellokitty computer internet google facebook
samsung nokia iphone apple microsoft windows linux ubuntu oracle
vietnam vietnam123 vietnamese vietnam1975 vietnam2025 hanoi hanoi123 saigon saigon123 hochiminh hcm
danang haiphong cantho hue nhatrang dalat vungtau quangninh laichau laichau123 dienbien sonla laocai
yenbai hagiang caobang langson thaibinh namdinh ninhbinh thanhhoa nghean hatinh quangbinh
matkhau matkhau123 matkhau1 matkhaumoi matkhaucu matkhaucuatoi matkhaucuaban matkhaumanh matkhau@123
mk123456 mk@123 mkmoi doimatkhau quenmatkhau khongbiet khongco khongnho bimat bimat123 baomat
anhyeuem emyeuanh anhyeuemnhieu emyeuanhnhieu yeuem yeuanh yeuemmaimai yeuanhmaimai iloveyouem
anhyeuem123 emyeuanh123 yeuem123 yeunhau yeunhaumaimai thuongem thuonganh nhoem nhoanh
emoi anhoi baby babyoi cucung cuccung ongxa vova chongyeu voyeu giadinh hanhphuc
concho conmeo conga convit conheo conbo meocon chocon meomeo gaugau
tanloc phattai phatdat thinhvuong binhan suckhoe maiman mayman
motcua motcua123 motcuadientu dichvucong dvc dvc123 ubnd ubnd123 hcc hanhchinhcong
congchuc congchuc123 canbo canbo123 vanthu ketoan nhansu tiepnhan quantri quantri123 quantrivien
nguyen tran le pham hoang huynh phan vu vo dang bui do ho ngo duong ly dinh trinh mai luong
nguyenvan nguyenthi tranvan tranthi levan lethi phamvan phamthi hoangvan hoangthi
anh linh huong trang lan hoa hung dung tuan nam minh long thanh hai son quang duc phuong
thao ngoc hang yen nhung hien giang tam thuy hanh hieu khanh loan nga oanh quynh thu trung
viet hoai hanhphuc1 tuanh tuananh ngocanh vietanh ducanh
admin2024 admin2025 admin2026 abc12345 abc123456789 abcd123456 aa123456789 a1234567 a12345678
qwerty1234 qwerty12345 qwerty123456 1234qwer 1234asdf 12345qwert 12345678a 12345678aa 1234567a
01234567 0123456789 0987654321 9876543210 987654321 147258369 159753 159357 147258 741852963 963852741
147852369 258456 123654 321654 852456 zxc123 zxcasd asdasd qweqwe zzzzzz aaaaaa abcabc
nguoiyeu nguoiyeucu banthan tinhyeu tinhban hoctap hocsinh sinhvien giaovien bacsi congan bodoi
hoangsa truongsa dienbienphu bachdang thanglong hoankiem tayho badinh
ngaysinh sinhnhat 01011990 01011980 01012000 19901990 20002000 1990 1991 1992 1993 1994 1995
summer winter spring autumn monday friday january june
`;

const COMMON = new Set(WORDS.split(/\s+/).filter(Boolean));

export function commonPasswordCount(): number {
  return COMMON.size;
}

export function isCommonPassword(password: string): boolean {
  const p = password.toLowerCase();
  if (COMMON.has(p)) return true;
  if (/^\d+$/.test(p)) return true;
  if (/^(.)\1*$/su.test(p)) return true;
  // A listed word dressed up with trailing digits and symbols: matkhau2025!, admin@123456.
  const base = p.replace(/[\p{N}\p{P}\p{S}\s]+$/u, '');
  return base.length >= 2 && base !== p && COMMON.has(base);
}
