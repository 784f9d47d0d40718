-- A unit's public phone: printed on slips as the contact when the officer has no phone of their own
-- (form 02: "liên hệ … số điện thoại …").
alter table org_units add column phone text;
comment on column org_units.phone is 'Public contact phone of the unit (desk hotline, section phone); optional.';
