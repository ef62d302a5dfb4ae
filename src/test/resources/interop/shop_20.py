"""Shop models in the SQLAlchemy 2.0 style."""
from __future__ import annotations

import datetime
from decimal import Decimal
from typing import List, Optional

from sqlalchemy import ForeignKey, ForeignKeyConstraint, Numeric, String
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship


class Base(DeclarativeBase):
    pass


class Customer(Base):
    __tablename__ = "customer"

    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str] = mapped_column(String(120), unique=True)
    nickname: Mapped[Optional[str]]
    orders: Mapped[List["Order"]] = relationship(back_populates="customer", cascade="all, delete-orphan")
    profile: Mapped["Profile"] = relationship(back_populates="customer")


class Profile(Base):
    __tablename__ = "profile"

    id: Mapped[int] = mapped_column(primary_key=True)
    customer_id: Mapped[int] = mapped_column(ForeignKey("customer.id", ondelete="CASCADE"))
    bio: Mapped[str | None]
    customer: Mapped[Customer] = relationship(back_populates="profile")


class Order(Base):
    __tablename__ = "orders"

    id: Mapped[int] = mapped_column(primary_key=True)
    customer_id: Mapped[Optional[int]] = mapped_column(ForeignKey("customer.id", ondelete="SET NULL"))
    placed: Mapped[datetime.datetime]
    total: Mapped[Decimal] = mapped_column(Numeric(10, 2))
    customer: Mapped[Optional[Customer]] = relationship(back_populates="orders")
    lines: Mapped[List[OrderLine]] = relationship(
        back_populates="order", cascade="all, delete-orphan", passive_deletes="all"
    )


class OrderLine(Base):
    __tablename__ = "order_line"

    order_id: Mapped[int] = mapped_column(ForeignKey("orders.id", ondelete="CASCADE"), primary_key=True)
    line_no: Mapped[int] = mapped_column(primary_key=True)
    sku: Mapped[str] = mapped_column(String(20))
    order: Mapped[Order] = relationship(back_populates="lines")


class Shipment(Base):
    __tablename__ = "shipment"
    __table_args__ = (
        ForeignKeyConstraint(["order_id", "line_no"], ["order_line.order_id", "order_line.line_no"],
                             ondelete="CASCADE", onupdate="CASCADE"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    order_id: Mapped[int]
    line_no: Mapped[int]
    line: Mapped[OrderLine] = relationship()
